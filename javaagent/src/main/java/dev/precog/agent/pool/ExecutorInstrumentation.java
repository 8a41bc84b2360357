package dev.precog.agent.pool;

import dev.precog.bootstrap.PoolHooks;
import dev.precog.bootstrap.ThreadPoolEvent;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;
import jdk.jfr.FlightRecorder;

/**
 * Instruments {@link ThreadPoolExecutor} so each pool reports its queue and the time its tasks
 * wait for a worker as {@code precog.ThreadPool} JFR events. Retransforms the loaded class and
 * adds no fields or methods, so other agents may retransform it too.
 */
public final class ExecutorInstrumentation implements AutoCloseable {

    private final Instrumentation instrumentation;
    private final PoolTransformer transformer;
    private final Runnable periodic;

    private ExecutorInstrumentation(Instrumentation instrumentation, PoolTransformer transformer, Runnable periodic) {
        this.instrumentation = instrumentation;
        this.transformer = transformer;
        this.periodic = periodic;
    }

    /**
     * Installs the instrumentation and the periodic event.
     *
     * @throws Exception with the reason when the pool class could not be instrumented; what was
     *     installed is then undone
     */
    public static ExecutorInstrumentation install(Instrumentation instrumentation) throws Exception {
        if (!instrumentation.isRetransformClassesSupported()) {
            throw new IllegalStateException("this JVM does not allow retransforming classes");
        }
        BootInjector.inject(instrumentation);
        Module self = ExecutorInstrumentation.class.getModule();
        instrumentation.redefineModule(Object.class.getModule(), Set.of(), Map.of(),
                Map.of("java.util.concurrent", Set.of(self)), Set.of(), Map.of());
        PoolSampler sampler = new PoolSampler(TaskClasses.create());
        Runnable periodic = sampler::emit;
        // registered first, so the agent's stream (created next) finds the event type to enable
        FlightRecorder.register(ThreadPoolEvent.class);
        FlightRecorder.addPeriodicEvent(ThreadPoolEvent.class, periodic);
        PoolTransformer transformer = new PoolTransformer();
        ExecutorInstrumentation installed = new ExecutorInstrumentation(instrumentation, transformer, periodic);
        PoolHooks.enable();
        instrumentation.addTransformer(transformer, true);
        try {
            instrumentation.retransformClasses(ThreadPoolExecutor.class);
        } catch (Exception | Error e) {
            installed.close();
            throw e;
        }
        if (transformer.transformed() == 0) {
            installed.close();
            Throwable why = transformer.failure();
            throw new IllegalStateException(
                    "ThreadPoolExecutor was not instrumented" + (why == null ? "" : ": " + why), why);
        }
        return installed;
    }

    /** Stops counting, stops the events and gives the pool class back its original code. */
    @Override
    public void close() {
        PoolHooks.disable();
        FlightRecorder.removePeriodicEvent(periodic);
        instrumentation.removeTransformer(transformer);
        try {
            instrumentation.retransformClasses(ThreadPoolExecutor.class);
        } catch (Exception | Error e) {
            // the hooks are off: a pool class that keeps them pays one volatile read per call
        }
    }
}
