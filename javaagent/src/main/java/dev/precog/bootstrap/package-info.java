/**
 * Classes Precog defines in the boot class loader so that instrumented JDK classes (which the boot
 * loader loads) can call them. They use only {@code java.base} and {@code jdk.jfr}, never lambdas
 * or string concatenation (both would need bootstrap methods), and never throw into the caller.
 */
package dev.precog.bootstrap;
