package dev.precog.agent.pool;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.pool.TypePool;

/**
 * Inlines {@link PoolAdvice} into the boot loader's {@code ThreadPoolExecutor} and leaves every
 * other class alone. Plain Byte Buddy rather than its {@code AgentBuilder}: the builder's set-up
 * reaches for {@code sun.misc.Unsafe}, which JDK 24 and later warn about on the application's
 * stderr, and one known class needs none of its matching.
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
            byte[] advised = advise(classfile);
            transformed.incrementAndGet();
            return advised;
        } catch (Throwable t) {
            // returning null keeps the class as it was; the caller reports why
            failure.compareAndSet(null, t);
            return null;
        }
    }

    static byte[] advise(byte[] classfile) {
        String name = INTERNAL_NAME.replace('/', '.');
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classfile),
                ClassFileLocator.ForClassLoader.ofBootLoader());
        TypeDescription type = TypePool.Default.of(locator).describe(name).resolve();
        return new ByteBuddy()
                .with(TypeValidation.DISABLED)
                .with(Implementation.Context.Disabled.Factory.INSTANCE)
                .redefine(type, locator)
                .visit(Advice.to(PoolAdvice.Execute.class).on(named("execute").and(takesArguments(Runnable.class))))
                .visit(Advice.to(PoolAdvice.AddWorker.class).on(named("addWorker").and(takesArguments(2))))
                .visit(Advice.to(PoolAdvice.GetTask.class).on(named("getTask").and(takesArguments(0))))
                .visit(Advice.to(PoolAdvice.RunWorker.class).on(named("runWorker").and(takesArguments(1))))
                .visit(Advice.to(PoolAdvice.Reject.class).on(named("reject").and(takesArguments(Runnable.class))))
                .visit(Advice.to(PoolAdvice.Remove.class).on(named("remove").and(takesArguments(Runnable.class))))
                .make()
                .getBytes();
    }

    int transformed() {
        return transformed.get();
    }

    Throwable failure() {
        return failure.get();
    }
}
