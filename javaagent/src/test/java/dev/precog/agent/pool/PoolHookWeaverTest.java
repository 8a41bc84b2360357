package dev.precog.agent.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.junit.jupiter.api.Test;

/** The woven pool class of the JDK running the test: which calls land where. */
class PoolHookWeaverTest {

    private static byte[] classfile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    /** Each method's hook calls, as "method: hook@position" with the position entry or return. */
    private static List<String> hookCalls(byte[] classfile) {
        List<String> calls = new ArrayList<>();
        new ClassReader(classfile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    private boolean anyInstruction;
                    private String pending;

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        if (owner.equals("dev/precog/bootstrap/PoolHooks")) {
                            pending = name + ": " + method + (anyInstruction ? "" : "@entry");
                        }
                        anyInstruction = true;
                    }

                    @Override
                    public void visitInsn(int opcode) {
                        if (pending != null && (opcode == Opcodes.IRETURN || opcode == Opcodes.ARETURN)) {
                            pending += "@return";
                        }
                        flush();
                        anyInstruction = true;
                    }

                    @Override
                    public void visitVarInsn(int opcode, int slot) {
                        // loading the pool and the arguments comes before an entry hook: still the entry
                        if (pending != null) {
                            flush();
                            anyInstruction = true;
                        }
                    }

                    @Override
                    public void visitEnd() {
                        flush();
                    }

                    private void flush() {
                        if (pending != null) {
                            calls.add(pending);
                            pending = null;
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG);
        return calls;
    }

    @Test
    void everyHookIsCalledAtItsPlaceInThisJdksPool() throws IOException {
        byte[] woven = PoolHookWeaver.weave(classfile(java.util.concurrent.ThreadPoolExecutor.class));
        List<String> calls = hookCalls(woven);
        assertThat(calls).contains("execute: submitted@entry", "runWorker: workerStarted@entry", "reject: rejected@entry",
                "addWorker: addedWorker@return", "getTask: dequeued@return", "remove: removed@return");
        assertThat(calls).as("one entry call each; a call before every return")
                .filteredOn(c -> c.endsWith("@entry")).hasSize(3);
        assertThat(calls).allMatch(c -> c.endsWith("@entry") || c.endsWith("@return"));
        assertThat(hookCalls(classfile(java.util.concurrent.ThreadPoolExecutor.class))).as("the original has none").isEmpty();
    }

    @Test
    void aPoolClassWithoutTheMethodsIsRefusedNamingThem() {
        assertThatThrownBy(() -> PoolHookWeaver.weave(classfile(PoolHookWeaverTest.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("ThreadPoolExecutor has no execute(Ljava/lang/Runnable;)V, addWorker(")
                .hasMessageEndingWith(" on this JVM");
    }
}
