#!/usr/bin/env Rscript
# Independent reference values for the Delphi (rounds) statistics of concord.analysis.
#
# Regenerate (from this directory):  Rscript make_delphi_reference.R > delphi-reference-cases.json
# Tested with R 4.2.2 and jsonlite 1.8.4 (Debian packages r-base-core, r-cran-jsonlite).
#
# Everything is computed from the individual participants' scores, never from counts:
#   paired change     wilcox.test(later, earlier, paired = TRUE, exact = FALSE, correct = FALSE)
#                     (p and V = sum of the positive ranks), and SPSS's Z = (min(S-, S+) - n(n+1)/4) / sigma
#                     with sigma^2 = n(n+1)(2n+1)/24 - sum(t^3 - t)/48 (as the r2spss package imitates SPSS);
#   distribution      chisq.test(rounds x bands, correct = FALSE) on the bands somebody used;
#                     IQR = quantile(type = 6) q3 - q1;
#   attrition         wilcox.test(completers, dropouts, exact = FALSE, correct = FALSE) on round-1 scores,
#                     p.adjust(method = "BH") across the outcomes with a p, per group and for everyone.
suppressMessages(library(jsonlite))
set.seed(20240607)

band <- function(x, sc) ifelse(x <= sc[3], 1, ifelse(x >= sc[4], 3, 2))

consensus <- function(x, sc) {   # the default rule: > 80% in a band and <= 15% in the opposite band
  n <- length(x)
  if (n == 0) return(NA)
  top <- sum(x >= sc[4]); bottom <- sum(x <= sc[3])
  if (top * 100 > 80 * n && bottom * 100 <= 15 * n) return("critical")
  if (bottom * 100 > 80 * n && top * 100 <= 15 * n) return("not_important")
  "neutral"
}

signed_rank <- function(earlier, later) {
  d <- later - earlier
  out <- list(pairs = length(d), ties = sum(d == 0), negative = sum(d < 0), positive = sum(d > 0))
  nz <- d[d != 0]
  if (length(nz) == 0) return(c(out, list(negativeRankSum = 0, positiveRankSum = 0, z = NULL, p = NULL, V = NULL)))
  r <- rank(abs(nz))
  sn <- sum(r[nz < 0]); sp <- sum(r[nz > 0]); n <- length(nz)
  t <- table(r)
  sigma <- sqrt(n * (n + 1) * (2 * n + 1) / 24 - sum(t^3 - t) / 48)
  z <- (min(sn, sp) - n * (n + 1) / 4) / sigma
  w <- suppressWarnings(wilcox.test(later, earlier, paired = TRUE, exact = FALSE, correct = FALSE))
  c(out, list(negativeRankSum = sn, positiveRankSum = sp, z = z, p = unname(w$p.value), V = unname(w$statistic),
              pFromZ = 2 * pnorm(-abs(z))))
}

chisq <- function(a, b, sc) {
  if (length(a) == 0 || length(b) == 0) return(NULL)
  tab <- rbind(tabulate(band(a, sc), 3), tabulate(band(b, sc), 3))
  tab <- tab[, colSums(tab) > 0, drop = FALSE]
  if (ncol(tab) < 2) return(NULL)
  x <- suppressWarnings(chisq.test(tab, correct = FALSE))
  list(statistic = unname(x$statistic), df = unname(x$parameter), p = unname(x$p.value))
}

iqr <- function(x) if (length(x) == 0) NULL else unname(diff(quantile(x, c(0.25, 0.75), type = 6)))

mann_whitney <- function(a, b) {
  if (length(a) == 0 || length(b) == 0 || length(unique(c(a, b))) < 2) return(NULL)
  unname(suppressWarnings(wilcox.test(a, b, exact = FALSE, correct = FALSE))$p.value)
}

# One case: participants x rounds x outcomes scores (NA = not answered), a group per participant.
make_case <- function(name, sc, groups, rounds, outcomes, n, drop, missing, drift) {
  lo <- sc[1]; hi <- sc[2]
  g <- rep(seq_len(groups), length.out = n)
  s <- array(NA_integer_, c(n, rounds, outcomes))
  for (i in seq_len(n)) for (o in seq_len(outcomes)) {
    centre <- sample(lo:hi, 1, prob = c(rep(1, hi - lo), 3))   # lean to the top, like importance ratings
    s[i, 1, o] <- as.integer(min(hi, max(lo, centre + sample(-2:2, 1))))
    for (r in seq_len(rounds)[-1]) {
      step <- if (runif(1) < drift) sample(c(-2, -1, 1, 2), 1) else 0L
      s[i, r, o] <- as.integer(min(hi, max(lo, s[i, r - 1, o] + step)))
    }
  }
  for (i in seq_len(n)) {                                  # drop-outs and late gaps
    if (runif(1) < drop) { last <- sample(seq_len(rounds - 1), 1); s[i, (last + 1):rounds, ] <- NA }
  }
  s[runif(length(s)) < missing] <- NA                       # item non-response
  list(name = name, sc = sc, groups = groups, rounds = rounds, outcomes = outcomes, g = g, s = s)
}

expected <- function(cs) {
  sc <- cs$sc; s <- cs$s; g <- cs$g; R <- cs$rounds; O <- cs$outcomes; G <- cs$groups
  answered <- matrix(FALSE, length(g), R)
  for (r in seq_len(R)) answered[, r] <- apply(s[, r, , drop = FALSE], 1, function(v) any(!is.na(v)))
  started <- colSums(answered) > 0
  completer <- answered[, 1] & apply(answered[, started, drop = FALSE], 1, all)
  changes <- list(); cons <- list(); attr <- list(); drops <- list()
  for (k in seq_len(G)) for (o in seq_len(O)) {
    inG <- g == k
    byRound <- lapply(seq_len(R), function(r) { v <- s[inG & answered[, r], r, o]; v[!is.na(v)] })
    classes <- lapply(seq_len(R), function(r) if (started[r]) consensus(byRound[[r]], sc) else NA)
    last <- max(which(started))
    reached <- NULL
    if (!is.na(classes[[last]]) && classes[[last]] != "neutral") {
      first <- last
      while (first > 1 && identical(classes[[first - 1]], classes[[last]])) first <- first - 1
      reached <- first
    }
    cons[[length(cons) + 1]] <- list(group = k - 1, outcome = o - 1,
                                     byRound = lapply(classes, function(x) if (is.na(x)) NULL else x), reached = reached)
    for (r in seq_len(R - 1)) {
      if (!started[r] || !started[r + 1]) next
      both <- inG & answered[, r] & answered[, r + 1] & !is.na(s[, r, o]) & !is.na(s[, r + 1, o])
      a <- s[both, r, o]; b <- s[both, r + 1, o]
      w <- signed_rank(a, b)
      moved <- band(b, sc) - band(a, sc)
      pct <- function(x) if (length(a) == 0) NULL else 100 * sum(x) / length(a)
      stable <- if (length(a) == 0) NULL else
        (is.null(w$p) || w$p >= 0.05) && (100 * sum(moved != 0) < 15 * length(a))
      f <- iqr(byRound[[r]]); t <- iqr(byRound[[r + 1]])
      changes[[length(changes) + 1]] <- c(list(fromRound = r, group = k - 1, outcome = o - 1), w,
        list(pctChangedBand = pct(moved != 0), pctMovedUp = pct(moved > 0), pctMovedDown = pct(moved < 0),
             chiSquare = chisq(byRound[[r]], byRound[[r + 1]], sc), iqrFrom = f, iqrTo = t,
             iqrChange = if (is.null(f) || is.null(t)) NULL else t - f, stable = stable))
    }
  }
  families <- c(lapply(seq_len(G), function(k) g == k), list(rep(TRUE, length(g))))
  for (fi in seq_along(families)) {
    inF <- families[[fi]]
    label <- if (fi <= G) fi - 1 else NULL
    attr[[length(attr) + 1]] <- list(group = label, panel = sum(inF),
      respondents = sapply(seq_len(R), function(r) sum(inF & answered[, r])),
      completers = sum(inF & completer), dropouts = sum(inF & answered[, 1] & !completer))
    p <- sapply(seq_len(O), function(o) {
      if (sum(started) < 2 || !started[1]) return(NA)
      a <- s[inF & completer, 1, o]; b <- s[inF & answered[, 1] & !completer, 1, o]
      x <- mann_whitney(a[!is.na(a)], b[!is.na(b)]); if (is.null(x)) NA else x })
    q <- rep(NA, O); ok <- !is.na(p); q[ok] <- p.adjust(p[ok], method = "BH")
    for (o in seq_len(O)) drops[[length(drops) + 1]] <- list(group = label, outcome = o - 1,
      p = if (is.na(p[o])) NULL else p[o], q = if (is.na(q[o])) NULL else q[o])
  }
  list(changes = changes, consensus = cons, attrition = attr, dropouts = drops)
}

as_json_case <- function(cs) {
  participants <- lapply(seq_along(cs$g), function(i) list(group = cs$g[i] - 1,
    scores = lapply(seq_len(cs$rounds), function(r) lapply(cs$s[i, r, ], function(v) if (is.na(v)) NULL else v))))
  list(name = cs$name, scale = cs$sc, rounds = cs$rounds, groups = cs$groups, outcomes = cs$outcomes,
       participants = participants, expected = expected(cs))
}

grade <- c(1, 9, 3, 7)
cases <- list(
  make_case("grade 2 rounds 2 groups", grade, 2, 2, 4, 40, 0.2, 0.05, 0.4),
  make_case("grade 3 rounds 2 groups", grade, 2, 3, 5, 56, 0.25, 0.05, 0.35),
  make_case("grade 3 rounds 3 groups", grade, 3, 3, 3, 45, 0.3, 0.1, 0.5),
  make_case("grade tiny panel", grade, 2, 2, 3, 8, 0.2, 0, 0.5),
  make_case("grade no change", grade, 2, 2, 2, 20, 0.1, 0, 0),
  make_case("grade heavy drift", grade, 2, 3, 3, 30, 0.1, 0.02, 0.9),
  make_case("grade large panel", grade, 2, 2, 2, 400, 0.3, 0.05, 0.3),
  make_case("grade 4 rounds", grade, 2, 4, 2, 50, 0.3, 0.05, 0.4),
  make_case("scale 1-5", c(1, 5, 2, 4), 2, 3, 3, 35, 0.2, 0.05, 0.4),
  make_case("scale 0-10", c(0, 10, 3, 7), 2, 2, 3, 30, 0.2, 0.05, 0.5),
  make_case("grade many missing", grade, 2, 3, 3, 40, 0.3, 0.3, 0.4),
  make_case("grade nobody drops", grade, 2, 3, 3, 24, 0, 0, 0.4))
cases[[length(cases)]]$s[, 3, ] <- NA                        # round 3 not started yet
cat(toJSON(list(generator = "make_delphi_reference.R", r = R.version.string,
                cases = lapply(cases, as_json_case)), auto_unbox = TRUE, digits = NA, null = "null", pretty = FALSE))
cat("\n")
