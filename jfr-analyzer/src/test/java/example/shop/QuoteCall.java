package example.shop;

import java.util.concurrent.locks.LockSupport;

/** An application's own "wait for the answer": parks on itself until the answer arrives, no lock involved. */
public final class QuoteCall {

    private volatile Thread waiter;
    private volatile String answer;

    public String await() {
        waiter = Thread.currentThread();
        while (answer == null) {
            LockSupport.park(this);
        }
        return answer;
    }

    public void answer(String a) {
        answer = a;
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }
}
