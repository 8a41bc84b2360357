package dev.precog.it.workload;

/**
 * A tenant's plugin, loaded afresh for each tenant by {@link TenantPluginService}: its static
 * initializer fetches the tenant's configuration, a blocking call (simulated by a sleep of
 * {@code tenant.fetchMillis}). Blocking inside a class initializer pins a virtual thread.
 */
public final class TenantPlugin {

    static final String CONFIG;

    static {
        try {
            Thread.sleep(Long.getLong("tenant.fetchMillis", 50));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CONFIG = "tenant-config";
    }

    private TenantPlugin() {}

    /** Touching the plugin initializes it. */
    public static String config() {
        return CONFIG;
    }
}
