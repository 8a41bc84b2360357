package dev.precog.it.workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A page-rendering service with a template engine that compiles each request's template into a
 * class of its own, defined by a new {@link TemplateClassLoader}, and keeps every compiled
 * template in a static list "for reuse" that nothing ever reads: no loader is ever collected, so
 * loaded classes and metaspace grow for as long as requests come. Requests also make short-lived
 * garbage, so collections (and metaspace reports) come regularly.
 * Args: templates compiled per second.
 */
public final class ClassLoaderLeakingService {

    /** What a compiled template does. */
    public interface Template {
        String render(Map<String, Object> model);
    }

    /** The engine's own loader, one per compiled template: what Precog should name. */
    static final class TemplateClassLoader extends ClassLoader {

        TemplateClassLoader(ClassLoader parent) {
            super(parent);
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    /** The leak: compiled templates (and so their classes and loaders) are kept forever. */
    static final List<Template> COMPILED = new CopyOnWriteArrayList<>();

    private static final String TEMPLATE_CLASS = CompiledTemplate.class.getName();

    private ClassLoaderLeakingService() {}

    public static void main(String[] args) throws Exception {
        ParentWatch.start();
        int rate = Integer.parseInt(args[0]);
        byte[] templateBytes = classBytes();
        System.out.println("ready");
        long request = 0;
        while (true) {
            long started = System.nanoTime();
            for (int i = 0; i < Math.max(1, rate / 10); i++) {
                handle(request++, templateBytes);
            }
            long spent = (System.nanoTime() - started) / 1_000_000;
            Thread.sleep(Math.max(1, 100 - spent));
        }
    }

    private static void handle(long request, byte[] templateBytes) throws ReflectiveOperationException {
        // "compiling" the template: a new loader and a new class for every request
        TemplateClassLoader loader = new TemplateClassLoader(ClassLoaderLeakingService.class.getClassLoader());
        Template template = (Template) loader.define(TEMPLATE_CLASS, templateBytes).getDeclaredConstructor().newInstance();
        COMPILED.add(template);
        Garbage.sink += template.render(Map.of("user", "user-" + request, "items", request % 17)).length();
        for (int i = 0; i < 4; i++) {
            Garbage.renderPage(request);
        }
    }

    private static byte[] classBytes() {
        String resource = TEMPLATE_CLASS.substring(TEMPLATE_CLASS.lastIndexOf('.') + 1) + ".class";
        try (InputStream in = ClassLoaderLeakingService.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not found next to " + ClassLoaderLeakingService.class);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
