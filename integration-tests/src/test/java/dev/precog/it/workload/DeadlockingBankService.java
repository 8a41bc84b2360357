package dev.precog.it.workload;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bank service whose transfers lock the source account, then the destination: two opposite
 * transfers between the same accounts deadlock. Balance queries on a separate pool keep being
 * served, so the service looks alive while two of its threads never run again. Prints "ready",
 * then "served N" every second. Args: seconds before the opposite transfers start.
 */
public final class DeadlockingBankService {

    /** An account; transfers use it as their lock. */
    static final class Account {
        final String iban;
        long balance = 1_000;

        Account(String iban) {
            this.iban = iban;
        }
    }

    private static final AtomicLong SERVED = new AtomicLong();

    private DeadlockingBankService() {}

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.start();
        long delayMillis = Long.parseLong(args[0]) * 1000;
        Account alice = new Account("DE01");
        Account bob = new Account("DE02");
        ExecutorService queries = Executors.newFixedThreadPool(2, task -> new Thread(task, "balance-query"));
        System.out.println("ready");
        long started = System.currentTimeMillis();
        boolean transfersStarted = false;
        for (long tick = 0; ; tick++) {
            for (int i = 0; i < 5; i++) {
                long request = tick * 5 + i;
                queries.execute(() -> {
                    Garbage.renderPage(request);
                    SERVED.incrementAndGet();
                });
            }
            if (!transfersStarted && System.currentTimeMillis() - started >= delayMillis) {
                transfersStarted = true;
                startTransfer("transfer-alice-to-bob", alice, bob);
                startTransfer("transfer-bob-to-alice", bob, alice);
            }
            if (tick % 10 == 0) {
                System.out.println("served " + SERVED.get());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static void startTransfer(String name, Account from, Account to) {
        new Thread(() -> {
            while (true) {
                transfer(from, to, 1);
            }
        }, name).start();
    }

    private static void transfer(Account from, Account to, long amount) {
        synchronized (from) {
            // the work between the two locks widens the window in which the other transfer takes `to`
            Garbage.renderPage(from.balance);
            synchronized (to) {
                from.balance -= amount;
                to.balance += amount;
            }
        }
    }
}
