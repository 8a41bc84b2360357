package dev.precog.agent.profiler;

/** async-profiler's command interface ({@code AsyncProfiler.execute}); an interface so runs can be tested without the library. */
interface NativeProfiler {

    /** Runs one command such as {@code start,event=cpu} and returns its output; throws what async-profiler throws. */
    String execute(String command) throws Exception;
}
