package dev.precog.analyzer.jfr;

import jdk.jfr.consumer.RecordedEvent;

/** jdk.UnsignedLongFlag (offline), only the flag MaxMetaspaceSize: the limit a metaspace leak runs into. */
final class MaxMetaspaceSizeHandler implements EventHandler {

    static final String EVENT = "jdk.UnsignedLongFlag";
    private static final String FLAG = "MaxMetaspaceSize";

    private final RecordedJvmFacts facts;

    MaxMetaspaceSizeHandler(RecordedJvmFacts facts) {
        this.facts = facts;
    }

    @Override
    public String eventName() {
        return EVENT;
    }

    @Override
    public void accept(RecordedEvent event) {
        if (FLAG.equals(JfrFields.stringOr(event, "name", null))) {
            facts.maxMetaspace(JfrFields.longOr(event, "value", -1));
        }
    }
}
