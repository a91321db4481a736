package concord.analysis;

/** Multiplicity correction for pairwise comparisons after a Kruskal–Wallis test. */
public enum PairwiseCorrection {
    /** Holm's step-down method (uniformly more powerful than Bonferroni, same guarantee). */
    HOLM,
    /** Bonferroni: p × number of pairs, capped at 1 (what SPSS NPTESTS post-hoc tables use). */
    BONFERRONI
}
