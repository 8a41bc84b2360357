package dev.precog.analyzer.detect;

import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import java.util.List;

/**
 * One kind of problem, detected from the timeline. Stateless; missing data yields no finding,
 * never an exception. The {@code id} of a returned finding is a key naming the problem within
 * its kind (for example the leaking pool); {@link FindingTracker} turns it into a stable id.
 */
public interface Detector {

    FindingKind kind();

    List<Finding> detect(AnalysisContext context);
}
