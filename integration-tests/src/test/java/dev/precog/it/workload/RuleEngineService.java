package dev.precog.it.workload;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A pricing rule engine that interprets each rule as an expression tree, every rule a different
 * nesting of sums, products, discounts and roundings 40 deep: each value it allocates is made
 * under a different chain of evaluation frames, so JFR's allocation samples bring a new stack
 * trace nearly every time, as a compiler's do. Evaluates 50 of its 4,000 rules every 5 ms, a
 * small part of a core, until its stdin closes. Given {@code busy}, its rules are 120 deep (JFR
 * keeps a stack's top 64 frames) and it evaluates 200 every 5 ms, so JFR's allocation samples come
 * at their full rate with stacks as deep as a compiler's.
 */
public final class RuleEngineService {

    static final int DEPTH = 40;
    /** Rules loaded: with 40 depths at which a sample can fall, 160,000 stacks to come from. */
    static final int RULES = 4000;
    static final int BATCH = 50;
    static final int BUSY_DEPTH = 120;
    static final int BUSY_BATCH = 200;

    /** One node of a rule. */
    interface Expr {
        BigDecimal eval(BigDecimal price);
    }

    record Price() implements Expr {
        @Override
        public BigDecimal eval(BigDecimal price) {
            return price;
        }
    }

    record Sum(Expr left, BigDecimal right) implements Expr {
        @Override
        public BigDecimal eval(BigDecimal price) {
            return left.eval(price).add(right);
        }
    }

    record Product(Expr left, BigDecimal factor) implements Expr {
        @Override
        public BigDecimal eval(BigDecimal price) {
            return left.eval(price).multiply(factor);
        }
    }

    record Discount(Expr left, BigDecimal rate) implements Expr {
        @Override
        public BigDecimal eval(BigDecimal price) {
            BigDecimal v = left.eval(price);
            return v.subtract(v.multiply(rate));
        }
    }

    record Rounded(Expr left) implements Expr {
        @Override
        public BigDecimal eval(BigDecimal price) {
            return left.eval(price).setScale(4, RoundingMode.HALF_EVEN);
        }
    }

    static volatile BigDecimal sink;

    private RuleEngineService() {}

    public static void main(String[] args) {
        ParentWatch.start();
        // rules are loaded once; evaluating them is the work, so its allocations are what JFR samples
        boolean busy = args.length > 0 && args[0].equals("busy");
        Expr[] rules = new Expr[RULES];
        for (int i = 0; i < rules.length; i++) {
            rules[i] = randomRule(busy ? BUSY_DEPTH : DEPTH);
        }
        System.out.println("ready");
        BigDecimal price = new BigDecimal("19.99");
        int batch = busy ? BUSY_BATCH : BATCH;
        for (int next = 0; ; next = (next + batch) % RULES) {
            for (int i = 0; i < batch; i++) {
                sink = rules[next + i].eval(price);
            }
            // shorter than the agent's 10 ms park threshold: the pause itself records nothing
            LockSupport.parkNanos(5_000_000);
        }
    }

    /** A rule of random nodes: 4^depth shapes, so two rules hardly ever share a stack. */
    static Expr randomRule(int depth) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        Expr e = new Price();
        for (int d = 0; d < depth; d++) {
            BigDecimal k = BigDecimal.valueOf(r.nextInt(1, 100), 2);
            e = switch (r.nextInt(4)) {
                case 0 -> new Sum(e, k);
                case 1 -> new Product(e, BigDecimal.ONE.add(k.movePointLeft(1)));
                case 2 -> new Discount(e, k.movePointLeft(1));
                default -> new Rounded(e);
            };
        }
        return e;
    }
}
