package dev.precog.agent.boot;

/**
 * Main class of the demo's child JVM. The demo service itself lives with the rest of Precog in
 * the isolated class loader, so it adds nothing to an application's class path.
 */
public final class DemoService {

    private DemoService() {}

    public static void main(String[] args) throws Exception {
        Class<?> service = Class.forName("dev.precog.demo.LeakyShopService", true, AgentJar.isolatedLoader());
        try {
            service.getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
