package dev.precog.it.logging;

import java.util.logging.LogManager;

/**
 * An application's own LogManager, as WildFly's: the JVM is told about it on the command line,
 * but the class only becomes loadable once the application has set up its class loading.
 */
public class AppLogManager extends LogManager {}
