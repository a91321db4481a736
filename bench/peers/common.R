# Shared by the R peers: the option set (SPSS conventions) and the output compare.py reads.
columns <- c("field", "n1", "n2", "missing1", "missing2", "top1", "top2", "bottom1", "bottom2", "mean1", "mean2", "sd1", "sd2",
             "median1", "median2", "q1_1", "q1_2", "q3_1", "q3_2", "consensus1", "consensus2", "chi2", "df", "p_chi2",
             "cells_e5", "min_e", "cramers_v", "lr", "p_lr", "lbl", "p_lbl", "u", "w", "z", "p_mw", "r", "cliffs_delta",
             "hodges_lehmann", "q_chi2", "q_mw")

consensus <- function(top, bottom) {
  if (top > 80 && bottom <= 15) "critical" else if (bottom > 80 && top <= 15) "not_important" else "neutral"
}

# Median of all n1*n2 differences a - b, from the counts of scores 1-9.
hodges_lehmann <- function(ca, cb) {
  w <- numeric(17)
  for (i in 1:9) for (j in 1:9) w[i - j + 9] <- w[i - j + 9] + ca[i] * cb[j]
  pairs <- sum(w)
  at <- function(rank) which(cumsum(w) >= rank)[1] - 9
  (at((pairs + 1) %/% 2) + at(pairs %/% 2 + 1)) / 2
}

# Everything but the Mann-Whitney test from the two groups' score counts; wilcox.test on the values.
outcome_row <- function(field, x, y, missing1, missing2) {
  ca <- as.numeric(tabulate(x, 9)); cb <- as.numeric(tabulate(y, 9))  # doubles: products of counts overflow integers
  r <- list(field = field, n1 = length(x), n2 = length(y), missing1 = missing1, missing2 = missing2)
  full <- rbind(c(sum(ca[1:3]), sum(ca[4:6]), sum(ca[7:9])), c(sum(cb[1:3]), sum(cb[4:6]), sum(cb[7:9])))
  for (k in 1:2) {
    v <- if (k == 1) x else y
    b <- full[k, ]
    r[[paste0("top", k)]] <- 100 * b[3] / length(v)
    r[[paste0("bottom", k)]] <- 100 * b[1] / length(v)
    r[[paste0("mean", k)]] <- mean(v)
    r[[paste0("sd", k)]] <- sd(v)
    q <- quantile(v, c(0.25, 0.5, 0.75), type = 6, names = FALSE)  # SPSS HAVERAGE
    r[[paste0("q1_", k)]] <- q[1]; r[[paste0("median", k)]] <- q[2]; r[[paste0("q3_", k)]] <- q[3]
    r[[paste0("consensus", k)]] <- consensus(r[[paste0("top", k)]], r[[paste0("bottom", k)]])
  }
  t <- full[, colSums(full) > 0, drop = FALSE]
  ct <- suppressWarnings(chisq.test(t, correct = FALSE))
  e <- ct$expected
  g <- 2 * sum(ifelse(t > 0, t * log(t / e), 0))
  n <- sum(t)
  r$chi2 <- unname(ct$statistic); r$df <- unname(ct$parameter); r$p_chi2 <- ct$p.value
  r$cells_e5 <- sum(e < 5); r$min_e <- min(e); r$cramers_v <- sqrt(r$chi2 / (n * (min(dim(t)) - 1)))
  r$lr <- g; r$p_lr <- pchisq(g, r$df, lower.tail = FALSE)
  rows <- rep(c(1, 2), rowSums(full)); cols <- c(rep(1:3, full[1, ]), rep(1:3, full[2, ]))
  rho <- cor(rows, cols)
  r$lbl <- (n - 1) * rho^2; r$p_lbl <- pchisq(r$lbl, 1, lower.tail = FALSE)
  wt <- wilcox.test(x, y, exact = FALSE, correct = FALSE)
  # doubles: n1 * n2 overflows R's 32-bit integers (NA) beyond ~46,000 answers per group
  n1 <- as.numeric(length(x)); n2 <- as.numeric(length(y)); N <- n1 + n2
  u1 <- unname(wt$statistic)
  u <- min(u1, n1 * n2 - u1)
  both <- ca + cb
  midrank <- cumsum(both) - (both - 1) / 2
  rank_sum <- c(sum(ca * midrank), sum(cb * midrank))
  sigma <- sqrt(n1 * n2 / (N * (N - 1)) * ((N^3 - N) / 12 - sum((both^3 - both) / 12)))
  r$u <- u; r$w <- if (n1 <= n2) rank_sum[1] else rank_sum[2]
  r$z <- (u - n1 * n2 / 2) / sigma; r$p_mw <- wt$p.value
  r$r <- abs(r$z) / sqrt(N); r$cliffs_delta <- 2 * u1 / (n1 * n2) - 1
  r$hodges_lehmann <- hodges_lehmann(ca, cb)
  r
}

characteristic_row <- function(group, age, sex) {
  a <- age[!is.na(age)]; s <- sex[!is.na(sex)]
  c(group = group, age_n = length(a), age_missing = sum(is.na(age)), age_mean = sprintf("%.17g", mean(a)),
    age_sd = sprintf("%.17g", sd(a)), age_median = sprintf("%.17g", median(a)), age_min = min(a), age_max = max(a),
    sex_1 = sum(s == 1), sex_2 = sum(s == 2), sex_1_pct = sprintf("%.17g", 100 * sum(s == 1) / length(s)))
}

write_results <- function(path, rows, characteristics) {
  q_chi2 <- p.adjust(sapply(rows, `[[`, "p_chi2"), "BH"); q_mw <- p.adjust(sapply(rows, `[[`, "p_mw"), "BH")
  out <- file(path, "w")
  writeLines(paste(columns, collapse = ","), out)
  for (i in seq_along(rows)) {
    r <- rows[[i]]; r$q_chi2 <- q_chi2[i]; r$q_mw <- q_mw[i]
    cells <- sapply(columns, function(k) { v <- r[[k]]; if (is.numeric(v)) sprintf("%.17g", v) else v })
    writeLines(paste(cells, collapse = ","), out)
  }
  for (c in characteristics) writeLines(paste(c("characteristics", paste0(names(c), "=", c)), collapse = ","), out)
  close(out)
}
