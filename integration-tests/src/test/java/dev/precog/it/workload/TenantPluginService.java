package dev.precog.it.workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

/**
 * A multi-tenant service that serves each request on a virtual thread and loads the tenant's
 * plugin lazily, in a class loader of its own, the first time the request touches it: the
 * plugin's static initializer fetches configuration, so the virtual thread blocks inside a class
 * initializer, pinned to its carrier (JDK 21+). With a few carriers, requests queue behind pinned
 * ones. Loaders are dropped after each request: no leak. Args: requests in flight, fetch millis.
 */
public final class TenantPluginService {

    /** One loader per tenant: defines its own copy of {@link TenantPlugin}. */
    static final class PluginLoader extends ClassLoader {
        private final byte[] bytes;

        PluginLoader(byte[] bytes) {
            super(TenantPluginService.class.getClassLoader());
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(TenantPlugin.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                return c != null ? c : defineClass(name, bytes, 0, bytes.length);
            }
        }
    }

    private TenantPluginService() {}

    public static void main(String[] args) throws Exception {
        ParentWatch.start();
        int inFlight = Integer.parseInt(args[0]);
        System.setProperty("tenant.fetchMillis", args[1]);
        byte[] bytes = pluginBytes();
        // virtual threads are JDK 21+, and this code compiles for 17
        ExecutorService requests = (ExecutorService) java.util.concurrent.Executors.class
                .getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        Semaphore slots = new Semaphore(inFlight);
        System.out.println("ready");
        long tenant = 0;
        while (true) {
            slots.acquire();
            long t = tenant++;
            requests.execute(() -> {
                try {
                    Class<?> plugin = new PluginLoader(bytes).loadClass(TenantPlugin.class.getName());
                    plugin.getMethod("config").invoke(null);
                    Garbage.renderPage(t);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                } finally {
                    slots.release();
                }
            });
        }
    }

    private static byte[] pluginBytes() {
        String resource = TenantPlugin.class.getName().replace('.', '/') + ".class";
        try (InputStream in = TenantPluginService.class.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
