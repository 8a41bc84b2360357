package dev.precog.agent.pool;

import java.util.EnumSet;
import java.util.stream.Collectors;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Weaves calls to {@code PoolHooks} into {@code ThreadPoolExecutor}'s class file, with plain ASM:
 * a call at a method's entry, or before each of its returns with the value
 * returned. Only straight-line code is added (no branch, no local, no handler), so the class's
 * stack map frames stay valid as they are and no other class is looked at; the hooks catch
 * everything themselves, so nothing is thrown into the pool. It loads about 30 classes, where
 * Byte Buddy's {@code Advice} loaded some 800 into the application's JVM.
 */
final class PoolHookWeaver {

    private static final String HOOKS = "dev/precog/bootstrap/PoolHooks";
    private static final String POOL = "Ljava/util/concurrent/ThreadPoolExecutor;";
    private static final String RUNNABLE = "Ljava/lang/Runnable;";
    private static final int NOT_AN_INSTANCE_METHOD = Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE;

    /** One woven call: the pool's method, where in it, and the hook called with the pool and which arguments. */
    enum Hook {
        SUBMITTED("execute", "(" + RUNNABLE + ")V", false, "submitted", "(" + POOL + RUNNABLE + ")V", 1),
        ADDED_WORKER("addWorker", "(" + RUNNABLE + "Z)Z", true, "addedWorker", "(" + POOL + RUNNABLE + "Z)V", 1),
        DEQUEUED("getTask", "()" + RUNNABLE, true, "dequeued", "(" + POOL + RUNNABLE + ")V"),
        WORKER_STARTED("runWorker", "(Ljava/util/concurrent/ThreadPoolExecutor$Worker;)V", false, "workerStarted",
                "(" + POOL + ")V"),
        REJECTED("reject", "(" + RUNNABLE + ")V", false, "rejected", "(" + POOL + ")V"),
        REMOVED("remove", "(" + RUNNABLE + ")Z", true, "removed", "(" + POOL + "Z)V");

        final String method;
        final String descriptor;
        /** Before each return, with the returned value last; else at the entry. */
        final boolean atReturn;
        final String hook;
        final String hookDescriptor;
        /** The local slots of the method's arguments passed after the pool (all references). */
        final int[] arguments;

        Hook(String method, String descriptor, boolean atReturn, String hook, String hookDescriptor, int... arguments) {
            this.method = method;
            this.descriptor = descriptor;
            this.atReturn = atReturn;
            this.hook = hook;
            this.hookDescriptor = hookDescriptor;
            this.arguments = arguments;
        }

        static Hook find(String method, String descriptor) {
            for (Hook h : values()) {
                if (h.method.equals(method) && h.descriptor.equals(descriptor)) {
                    return h;
                }
            }
            return null;
        }
    }

    private PoolHookWeaver() {}

    /**
     * The pool class with every hook woven in.
     *
     * @throws IllegalStateException naming the methods this JVM's pool class lacks
     */
    static byte[] weave(byte[] classfile) {
        ClassReader reader = new ClassReader(classfile);
        // the constant pool is copied, and methods without a hook are copied as they are
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        EnumSet<Hook> woven = EnumSet.noneOf(Hook.class);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                Hook hook = Hook.find(name, descriptor);
                if (hook == null || (access & NOT_AN_INSTANCE_METHOD) != 0) {
                    return next;
                }
                woven.add(hook);
                return new HookCall(next, hook);
            }
        }, 0);
        if (woven.size() < Hook.values().length) {
            throw new IllegalStateException("ThreadPoolExecutor has no " + EnumSet.complementOf(woven).stream()
                    .map(h -> h.method + h.descriptor).collect(Collectors.joining(", ")) + " on this JVM");
        }
        return writer.toByteArray();
    }

    /** Adds one hook's call to one method. */
    private static final class HookCall extends MethodVisitor {
        private final Hook hook;

        HookCall(MethodVisitor next, Hook hook) {
            super(Opcodes.ASM9, next);
            this.hook = hook;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            if (!hook.atReturn) {
                super.visitVarInsn(Opcodes.ALOAD, 0);
                for (int slot : hook.arguments) {
                    super.visitVarInsn(Opcodes.ALOAD, slot);
                }
                call();
            }
        }

        @Override
        public void visitInsn(int opcode) {
            if (hook.atReturn && (opcode == Opcodes.IRETURN || opcode == Opcodes.ARETURN)) {
                // [v] -> [v, v] -> [v, pool, v] -> [v, pool, arg, v]: the hook takes the copy, the return the value
                super.visitInsn(Opcodes.DUP);
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitInsn(Opcodes.SWAP);
                for (int slot : hook.arguments) {
                    super.visitVarInsn(Opcodes.ALOAD, slot);
                    super.visitInsn(Opcodes.SWAP);
                }
                call();
            }
            super.visitInsn(opcode);
        }

        private void call() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, hook.hook, hook.hookDescriptor, false);
        }
    }
}
