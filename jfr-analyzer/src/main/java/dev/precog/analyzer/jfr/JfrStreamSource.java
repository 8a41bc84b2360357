package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;
import jdk.jfr.EventSettings;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.consumer.RecordingStream;

/**
 * Owns the one live {@link RecordingStream} in the target JVM: enables the events the handlers
 * need, runs the stream on a daemon thread, counts what each event type delivered, lets the
 * agent change an event's settings while the stream runs, bounds what its parser holds, and
 * closes it (safe to call twice).
 */
public final class JfrStreamSource implements AutoCloseable {

    /** Disk the stream's repository may use before JFR drops the oldest chunks. */
    private static final long MAX_REPOSITORY_BYTES = 32L * 1024 * 1024;
    private static final Duration MAX_AGE = Duration.ofMinutes(2);

    private final RecordingStream stream;
    private final List<EventHandler> handlers;
    /** Events delivered per handler, in the order of {@link #handlers}. */
    private final AtomicLongArray delivered;
    /** Ends the chunk when the parser holds too many stacks; fed by the handlers that take stacks. */
    private final ChunkRotation rotation;
    /** Fewer allocation samples when their stacks outrun the rotation. */
    private final ParserStackGuard guard = new ParserStackGuard(ParserStackGuard.FRAME_LIMIT);
    /** The settings last asked for, by event name, before the guard's lowering; the agent's thread only. */
    private final Map<String, Map<String, String>> asked = new HashMap<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong handlerFailures = new AtomicLong();
    private volatile Throwable lastFailure;
    private Thread thread;

    private JfrStreamSource(RecordingStream stream, List<EventHandler> handlers, Duration chunkRotation) {
        this.stream = stream;
        this.rotation = ChunkRotation.live(Instant.now(), chunkRotation);
        this.handlers = handlers;
        this.delivered = new AtomicLongArray(handlers.size());
    }

    /** The names of the event types this JVM can record. */
    public static Set<String> availableEventTypes() {
        return FlightRecorder.getFlightRecorder().getEventTypes().stream()
                .map(EventType::getName)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Creates and configures the stream for the live handlers feeding {@code sink}, {@code inbound}
     * telling a server's accepted connections, ending chunks at most every {@code chunkRotation} (never
     * when null; see {@link ChunkRotation}). Does not start it.
     */
    public static JfrStreamSource create(WindowAccumulator sink, InboundConnections inbound, Duration chunkRotation) {
        List<EventHandler> handlers = HandlerRegistry.live(sink, availableEventTypes(), inbound);
        RecordingStream stream = new RecordingStream();
        try {
            stream.setMaxSize(MAX_REPOSITORY_BYTES);
            stream.setMaxAge(MAX_AGE);
            stream.setReuse(true);
            stream.setOrdered(false);
            JfrStreamSource source = new JfrStreamSource(stream, handlers, chunkRotation);
            source.asked.putAll(source.initialSettings());
            for (int i = 0; i < handlers.size(); i++) {
                EventHandler h = handlers.get(i);
                int index = i;
                EventSettings settings = stream.enable(h.eventName());
                h.settings().forEach(settings::with);
                if (h.stackTrace()) {
                    settings.withStackTrace();
                } else {
                    settings.withoutStackTrace();
                }
                stream.onEvent(h.eventName(), event -> source.handle(index, h, event));
            }
            stream.onMetadata(metadata -> source.ready.countDown());
            return source;
        } catch (RuntimeException | Error e) {
            stream.close();
            throw e;
        }
    }

    private void handle(int index, EventHandler handler, jdk.jfr.consumer.RecordedEvent event) {
        delivered.incrementAndGet(index);
        try {
            if (handler.stackTrace()) {
                rotation.stacks().see(event.getStackTrace());
            }
            handler.accept(event);
        } catch (RuntimeException e) {
            // A handler bug must not end the stream; it is counted and surfaced in the report.
            handlerFailures.incrementAndGet();
            lastFailure = e;
        }
    }

    /** Starts the stream on a thread from {@code threads}; returns at once. */
    public synchronized void start(ThreadFactory threads) {
        if (thread != null || closed.get()) {
            return;
        }
        thread = threads.newThread(() -> {
            try {
                stream.start();
            } catch (IllegalStateException e) {
                // closed before or while starting: nothing to do
            }
        });
        thread.start();
    }

    /** True once the stream has seen its first metadata, i.e. events flow. */
    public boolean isReady() {
        return ready.getCount() == 0;
    }

    /** Events delivered so far per event type, in the order the handlers were registered. */
    public Map<String, Long> deliveredByEventType() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < handlers.size(); i++) {
            out.merge(handlers.get(i).eventName(), delivered.get(i), Long::sum);
        }
        return out;
    }

    /** The settings each enabled event type started with (threshold, period, throttle), by event name. */
    public Map<String, Map<String, String>> initialSettings() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (EventHandler h : handlers) {
            if (!h.settings().isEmpty()) {
                out.put(h.eventName(), h.settings());
            }
        }
        return out;
    }

    /**
     * Changes settings of an enabled event type while the stream runs (JFR applies them to the
     * running recording at once, on JDK 17 and 25 alike); allocation samples stay lowered by
     * {@link ParserStackGuard} once it tripped. Call from one thread; ignored once closed.
     */
    public void reconfigure(String eventName, Map<String, String> settings) {
        if (closed.get()) {
            return;
        }
        asked.put(eventName, settings);
        apply(eventName, guard.apply(eventName, settings));
    }

    private void apply(String eventName, Map<String, String> settings) {
        EventSettings s = stream.enable(eventName);
        settings.forEach(s::with);
    }

    /**
     * Ends the JFR chunk when the stream's parser holds many stack traces, at most every few
     * seconds ({@link ChunkRotation}), and lowers allocation sampling once if the chunk held far
     * more than that ({@link ParserStackGuard}); true when it ended a chunk. Call from the thread
     * that calls {@link #reconfigure}; ignored once closed.
     */
    public boolean boundParserMemory(Instant now) {
        if (closed.get() || !rotation.rotateIfDue(now)) {
            return false;
        }
        String event = ParserStackGuard.EVENT;
        if (guard.chunkEnded(rotation.framesAtLastEnd(), asked.get(event), now)) {
            apply(event, guard.apply(event, asked.get(event)));
        }
        return true;
    }

    /**
     * Estimated heap JFR's stream parser held in stack traces when the agent last ended a chunk
     * (frames counted, {@value ParserStackGuard#BYTES_PER_FRAME} bytes each); null before the first.
     */
    public Long parserStackBytes() {
        long frames = rotation.framesAtLastEnd();
        return frames < 0 ? null : frames * ParserStackGuard.BYTES_PER_FRAME;
    }

    /** How allocation sampling was lowered to bound the parser's stacks; null while it is not. */
    public String allocationSamplingLowered() {
        return guard.action();
    }

    /** Chunks ended to bound the parser's memory. */
    public long chunkRotations() {
        return rotation.rotations();
    }

    /** Why chunks are no longer ended (JFR refused); null while they are. */
    public String chunkRotationProblem() {
        return rotation.problem();
    }

    public long handlerFailures() {
        return handlerFailures.get();
    }

    public Throwable lastFailure() {
        return lastFailure;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stream.close();
        }
    }
}
