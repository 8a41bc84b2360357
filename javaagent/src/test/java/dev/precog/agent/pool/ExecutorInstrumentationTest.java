package dev.precog.agent.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.instrument.Instrumentation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The executor instrumentation in this very JVM: real pools, the real JFR events, and the pool
 * class given back its own code when Precog stops.
 */
class ExecutorInstrumentationTest {

    private static ExecutorInstrumentation installed;
    private static RecordingStream stream;
    private static final List<RecordedEvent> events = new CopyOnWriteArrayList<>();

    /** A task class of this test, to be named through the FutureTask that submit() wraps it in. */
    static final class ResizeJob implements Runnable {
        private final CountDownLatch release;

        ResizeJob(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public void run() {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @BeforeAll
    static void install() throws Exception {
        Instrumentation instrumentation = ByteBuddyAgent.install();
        installed = ExecutorInstrumentation.install(instrumentation);
        stream = new RecordingStream();
        stream.setReuse(false);
        stream.enable("precog.ThreadPool").withPeriod(Duration.ofSeconds(1));
        stream.onEvent("precog.ThreadPool", events::add);
        stream.startAsync();
    }

    @AfterAll
    static void uninstall() {
        stream.close();
        installed.close();
    }

    @Test
    void aPoolWithOneBusyWorkerAndFiveQueuedTasksReportsFiveTasksWaitingAllTheTime() throws Exception {
        ThreadPoolExecutor pool = new QueuedPool();
        CountDownLatch release = new CountDownLatch(1);
        try {
            for (int i = 0; i < 6; i++) {
                pool.submit(new ResizeJob(release));
            }
            // the second event of the pool covers a full period in which 5 tasks waited throughout
            await().atMost(Duration.ofSeconds(60)).until(() -> eventsOf(pool).size() >= 2);
            RecordedEvent e = eventsOf(pool).get(1);
            assertThat(e.getInt("activeCount")).isEqualTo(1);
            assertThat(e.getInt("queueSize")).isEqualTo(5);
            assertThat(e.getInt("corePoolSize")).isEqualTo(1);
            assertThat(e.getString("taskClass")).isEqualTo(ResizeJob.class.getName());
            // this test is itself in a Precog package, so the first frame the pool names is JUnit's
            assertThat(e.getString("submitter")).doesNotStartWith("dev.precog.agent.");
            assertThat(e.getString("threadNamePrefix")).matches("pool-\\d+-thread-");
            assertThat(e.getString("executorClass")).isEqualTo(QueuedPool.class.getName());
            double waitingTasks = (double) e.getDuration("waitingNanos").toNanos() / e.getDuration("intervalNanos").toNanos();
            assertThat(waitingTasks).isBetween(4.9, 5.1);
        } finally {
            release.countDown();
            pool.shutdown();
        }
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void tasksTakenOutOfTheQueueBehindThePoolsBackStopCountingAsWaiting() throws Exception {
        ThreadPoolExecutor pool = new ClearedPool();
        CountDownLatch release = new CountDownLatch(1);
        try {
            for (int i = 0; i < 4; i++) {
                pool.execute(new ResizeJob(release));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> eventsOf(pool).size() >= 1);
            pool.getQueue().clear();
            int seen = eventsOf(pool).size();
            // two samples see the gap between the hooks' count and the queue, then it is closed
            await().atMost(Duration.ofSeconds(60)).until(() -> eventsOf(pool).size() >= seen + 3);
            RecordedEvent last = eventsOf(pool).get(eventsOf(pool).size() - 1);
            assertThat(last.getInt("queueSize")).isZero();
            assertThat(last.getDuration("waitingNanos")).isLessThan(Duration.ofMillis(50));
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }

    @Test
    void tasksThatStartAtOnceOnANewWorkerNeverWait() throws Exception {
        ThreadPoolExecutor pool = new RoomyPool();
        CountDownLatch release = new CountDownLatch(1);
        try {
            for (int i = 0; i < 3; i++) {
                pool.execute(new ResizeJob(release));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> eventsOf(pool).size() >= 2);
            RecordedEvent e = eventsOf(pool).get(1);
            assertThat(e.getInt("activeCount")).isEqualTo(3);
            assertThat(e.getInt("queueSize")).isZero();
            assertThat(e.getDuration("waitingNanos")).isLessThan(Duration.ofMillis(50));
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }

    @Test
    void waitingTimeIsExactWhereThePackedTimeSumsHaveWrappedLongAgo() {
        // 2^55 ns is over a year of uptime: far past the 2^40 units the packed sums keep
        long t0 = (1L << 55) + 12_345;
        long ms = 1_000_000;
        // two tasks waiting since before t0; three arrive, four leave (oldest first); one still waits at t0 + 1 s
        long arrivals = packed(t0 + 100 * ms) + packed(t0 + 200 * ms) + packed(t0 + 300 * ms);
        long departures = packed(t0 + 400 * ms) + packed(t0 + 500 * ms) + packed(t0 + 600 * ms) + packed(t0 + 700 * ms);

        long units = PoolSampler.waitedUnits(arrivals, departures, 2, 1, t0, t0 + 1000 * ms);

        // in the period: 400 + 500 ms for the two old ones, 500 + 500 for two new ones, 700 for the last
        assertThat(units * 1024).isCloseTo(2_600 * ms, org.assertj.core.data.Offset.offset(10_000L));
    }

    /** An event as the hooks pack it: the time in 1024 ns units above a count of one. */
    private static long packed(long nanos) {
        return ((nanos >>> 10) << 24) + 1;
    }

    /** The events of {@code pool}, told apart from the other pools in this JVM by its class. */
    private static List<RecordedEvent> eventsOf(ThreadPoolExecutor pool) {
        return events.stream().filter(e -> pool.getClass().getName().equals(e.getString("executorClass"))).toList();
    }

    /** One pool class per test, so each test finds its own pool's events. */
    static class TestPool extends ThreadPoolExecutor {
        TestPool(int workers) {
            super(workers, workers, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), Executors.defaultThreadFactory());
        }
    }

    static final class QueuedPool extends TestPool {
        QueuedPool() {
            super(1);
        }
    }

    static final class ClearedPool extends TestPool {
        ClearedPool() {
            super(1);
        }
    }

    static final class RoomyPool extends TestPool {
        RoomyPool() {
            super(4);
        }
    }
}
