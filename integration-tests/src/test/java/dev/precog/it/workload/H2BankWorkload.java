package dev.precog.it.workload;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Overhead-benchmark workload: H2 (embedded, in memory) under a TPC-B-like load, as pgbench
 * runs it: each transaction updates an account, reads it back, updates its teller and branch
 * and appends a history row. Several threads run for a warm-up, then for the measured time.
 * Args: threads, scale (branches; 10 tellers and 100,000 accounts each), warm-up seconds,
 * measured seconds.
 */
public final class H2BankWorkload {

    private static final String URL = "jdbc:h2:mem:bank;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    private static final int TELLERS_PER_BRANCH = 10;
    private static final int ACCOUNTS_PER_BRANCH = 100_000;

    private H2BankWorkload() {}

    public static void main(String[] args) throws Exception {
        ParentWatch.start();
        int threads = Integer.parseInt(args[0]);
        int scale = Integer.parseInt(args[1]);
        int warmupSeconds = Integer.parseInt(args[2]);
        int measuredSeconds = Integer.parseInt(args[3]);
        try (Connection admin = DriverManager.getConnection(URL)) {
            load(admin, scale);
            LongAdder committed = new LongAdder();
            LongAdder failed = new LongAdder();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> tellers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Thread t = new Thread(() -> runTransactions(scale, stop, committed, failed), "bank-teller-" + i);
                t.start();
                tellers.add(t);
            }
            Thread.sleep(warmupSeconds * 1000L);
            long txBefore = committed.sum();
            double cpuBefore = BenchOutput.processCpuSeconds();
            var agentBefore = BenchOutput.agentThreadsCpu();
            long started = System.nanoTime();
            Thread.sleep(measuredSeconds * 1000L);
            long tx = committed.sum() - txBefore;
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = BenchOutput.processCpuSeconds() - cpuBefore;
            double agentCpu = BenchOutput.agentThreadsCpuSecondsSince(agentBefore);
            stop.set(true);
            for (Thread t : tellers) {
                t.join();
            }
            BenchOutput.put("work", tx);
            BenchOutput.put("seconds", seconds);
            BenchOutput.put("cpuSeconds", cpu);
            BenchOutput.put("agentCpuSeconds", agentCpu);
            BenchOutput.put("failedTransactions", failed.sum());
            try (Statement s = admin.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
        // the database is gone: what stays on the heap now is the JVM's, and the agent's
        BenchOutput.putMemory();
    }

    private static void load(Connection c, int scale) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE branches(bid INT PRIMARY KEY, bbalance BIGINT, filler CHAR(88))");
            s.execute("CREATE TABLE tellers(tid INT PRIMARY KEY, bid INT, tbalance BIGINT, filler CHAR(84))");
            s.execute("CREATE TABLE accounts(aid INT PRIMARY KEY, bid INT, abalance BIGINT, filler CHAR(84))");
            s.execute("CREATE TABLE history(hid BIGINT AUTO_INCREMENT PRIMARY KEY, tid INT, bid INT, aid INT, delta INT,"
                    + " mtime TIMESTAMP, filler CHAR(22))");
            s.execute("INSERT INTO branches SELECT X, 0, '' FROM SYSTEM_RANGE(1, " + scale + ")");
            s.execute("INSERT INTO tellers SELECT X, (X - 1) / " + TELLERS_PER_BRANCH + " + 1, 0, '' FROM SYSTEM_RANGE(1, "
                    + scale * TELLERS_PER_BRANCH + ")");
            s.execute("INSERT INTO accounts SELECT X, (X - 1) / " + ACCOUNTS_PER_BRANCH + " + 1, 0, '' FROM SYSTEM_RANGE(1, "
                    + (long) scale * ACCOUNTS_PER_BRANCH + ")");
        }
    }

    /** One teller's loop of TPC-B transactions until told to stop. */
    private static void runTransactions(int scale, AtomicBoolean stop, LongAdder committed, LongAdder failed) {
        try (Connection c = DriverManager.getConnection(URL);
                PreparedStatement account = c.prepareStatement("UPDATE accounts SET abalance = abalance + ? WHERE aid = ?");
                PreparedStatement balance = c.prepareStatement("SELECT abalance FROM accounts WHERE aid = ?");
                PreparedStatement teller = c.prepareStatement("UPDATE tellers SET tbalance = tbalance + ? WHERE tid = ?");
                PreparedStatement branch = c.prepareStatement("UPDATE branches SET bbalance = bbalance + ? WHERE bid = ?");
                PreparedStatement history = c.prepareStatement(
                        "INSERT INTO history(tid, bid, aid, delta, mtime, filler) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, '')")) {
            c.setAutoCommit(false);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (!stop.get()) {
                int aid = random.nextInt(scale * ACCOUNTS_PER_BRANCH) + 1;
                int tid = random.nextInt(scale * TELLERS_PER_BRANCH) + 1;
                int bid = random.nextInt(scale) + 1;
                int delta = random.nextInt(-5000, 5001);
                try {
                    update(account, delta, aid);
                    balance.setInt(1, aid);
                    try (ResultSet r = balance.executeQuery()) {
                        r.next();
                    }
                    update(teller, delta, tid);
                    update(branch, delta, bid);
                    history.setInt(1, tid);
                    history.setInt(2, bid);
                    history.setInt(3, aid);
                    history.setInt(4, delta);
                    history.executeUpdate();
                    c.commit();
                    committed.increment();
                } catch (SQLException e) {
                    c.rollback();
                    failed.increment();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("teller connection failed", e);
        }
    }

    private static void update(PreparedStatement statement, int delta, int id) throws SQLException {
        statement.setInt(1, delta);
        statement.setInt(2, id);
        statement.executeUpdate();
    }
}
