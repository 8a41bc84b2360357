package dev.precog.agent.pool;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the class of the code a queued task runs: the JDK's wrappers ({@code FutureTask} from
 * {@code submit}, {@code CompletableFuture.supplyAsync}) are opened up, and a lambda is named by
 * the class that wrote it. Reading the wrappers' private fields needs {@code java.util.concurrent}
 * opened to Precog, which {@link ExecutorInstrumentation} does; without it the wrapper is named.
 */
final class TaskClasses {

    private static final int MAX_DEPTH = 4;
    private final List<Field> unwrappers;

    private TaskClasses(List<Field> unwrappers) {
        this.unwrappers = unwrappers;
    }

    /** The wrappers this JVM lets Precog open; those it does not are left wrapped. */
    static TaskClasses create() {
        List<Field> fields = new ArrayList<>();
        add(fields, "java.util.concurrent.FutureTask", "callable");
        add(fields, "java.util.concurrent.Executors$RunnableAdapter", "task");
        add(fields, "java.util.concurrent.CompletableFuture$AsyncSupply", "fn");
        add(fields, "java.util.concurrent.CompletableFuture$AsyncRun", "fn");
        return new TaskClasses(List.copyOf(fields));
    }

    private static void add(List<Field> fields, String className, String field) {
        try {
            Field f = Class.forName(className, false, null).getDeclaredField(field);
            f.setAccessible(true);
            fields.add(f);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a JDK without this field or not opened: tasks of this wrapper are named as the wrapper
        }
    }

    /** The application class behind {@code task}, or null for null. */
    String nameOf(Object task) {
        Object current = task;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            Object inner = unwrapOnce(current);
            if (inner == null) {
                break;
            }
            current = inner;
        }
        return current == null ? null : withoutLambdaSuffix(current.getClass().getName());
    }

    private Object unwrapOnce(Object task) {
        for (Field f : unwrappers) {
            if (f.getDeclaringClass() == task.getClass()) {
                try {
                    return f.get(task);
                } catch (IllegalAccessException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** {@code com.shop.Orders$$Lambda$41/0x0000000800c03000} and {@code com.shop.Orders$$Lambda/0x…} name {@code com.shop.Orders}. */
    static String withoutLambdaSuffix(String className) {
        int lambda = className.indexOf("$$Lambda");
        return lambda < 0 ? className : className.substring(0, lambda);
    }
}
