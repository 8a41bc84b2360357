package dev.precog.analyzer.jfr;

import dev.precog.analyzer.evidence.LoaderCensus;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedClassLoader;
import jdk.jfr.consumer.RecordedEvent;

/**
 * jdk.ClassLoaderStatistics (offline): one event per class loader with the classes it defined,
 * folded into class-loader censuses. Hidden classes (lambdas, generated accessors) count with
 * their loader, since their metaspace is the loader's too.
 */
final class ClassLoaderStatisticsHandler implements EventHandler {

    static final String EVENT = "jdk.ClassLoaderStatistics";

    private final ClassLoaderStatisticsCollector collector;

    ClassLoaderStatisticsHandler(ClassLoaderStatisticsCollector collector) {
        this.collector = collector;
    }

    @Override
    public String eventName() {
        return EVENT;
    }

    @Override
    public void accept(RecordedEvent event) {
        RecordedClassLoader loader = event.hasField("classLoader") ? event.getValue("classLoader") : null;
        RecordedClass type = loader == null ? null : loader.getType();
        String name = type == null ? LoaderCensus.BOOTSTRAP : type.getName();
        // the ClassLoaderData address tells loader instances apart while they live
        long id = JfrFields.longOr(event, "classLoaderData", loader == null ? 0 : loader.getId());
        long classes = Math.max(0, JfrFields.longOr(event, "classCount", 0))
                + Math.max(0, JfrFields.longOr(event, "hiddenClassCount", 0));
        collector.add(event.getStartTime(), id, name, classes);
    }
}
