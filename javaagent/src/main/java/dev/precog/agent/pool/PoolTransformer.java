package dev.precog.agent.pool;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Weaves the pool hooks ({@link PoolHookWeaver}) into the boot loader's {@code ThreadPoolExecutor}
 * and leaves every other class alone.
 */
final class PoolTransformer implements ClassFileTransformer {

    static final String INTERNAL_NAME = "java/util/concurrent/ThreadPoolExecutor";

    private final AtomicInteger transformed = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
            byte[] classfile) {
        if (loader != null || !INTERNAL_NAME.equals(className)) {
            return null;
        }
        try {
            byte[] woven = PoolHookWeaver.weave(classfile);
            transformed.incrementAndGet();
            return woven;
        } catch (Throwable t) {
            // returning null keeps the class as it was; the caller reports why
            failure.compareAndSet(null, t);
            return null;
        }
    }

    int transformed() {
        return transformed.get();
    }

    Throwable failure() {
        return failure.get();
    }
}
