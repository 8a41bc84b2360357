package dev.precog.agent.boot;

/** Main-Class of precog-agent.jar: runs the command line inside the isolated class loader. */
public final class PrecogMain {

    private PrecogMain() {}

    public static void main(String[] args) {
        int code;
        try {
            Class<?> cli = Class.forName("dev.precog.agent.cli.Cli", true, AgentJar.isolatedLoader());
            code = (Integer) cli.getMethod("run", String[].class).invoke(null, (Object) args);
        } catch (Throwable t) {
            Throwable cause = t instanceof java.lang.reflect.InvocationTargetException && t.getCause() != null
                    ? t.getCause()
                    : t;
            System.err.println("precog: " + cause);
            code = 70;
        }
        System.exit(code);
    }
}
