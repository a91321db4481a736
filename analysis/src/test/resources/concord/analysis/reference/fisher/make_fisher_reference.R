#!/usr/bin/env Rscript
# Reference p values of the Fisher-Freeman-Halton exact test for concord.analysis tests, from R's
# fisher.test (FEXACT, the network algorithm of Mehta & Patel; the hypergeometric density for 2 x 2).
#
# Regenerate (from this directory):  Rscript make_fisher_reference.R > fisher-reference.json
# Tested with R 4.2.2 (Debian package r-base-core); needs nothing beyond base R.
#
# The tables are fixed here or drawn with a fixed seed: 2 x 2 ... 6 x 3 and a few other shapes,
# balanced and very unbalanced groups, empty bands, p near 1 and down to about 1e-12, large N
# (2 x 3 with N = 5,000) and the 4-group table of groups 40/12/9/60. Each p is
# fisher.test(table, workspace = 2e8)$p.value, printed with 17 significant digits.
set.seed(20240607)

draw <- function(groups, probs) {
  # one row per group; probs is a vector (same for every group) or a matrix (one row per group)
  if (is.null(dim(probs))) probs <- matrix(probs, nrow = length(groups), ncol = length(probs), byrow = TRUE)
  t(sapply(seq_along(groups), function(g) rmultinom(1, groups[g], probs[g, ])))
}

cases <- list()
add <- function(name, tab) cases[[length(cases) + 1]] <<- list(name = name, table = tab)
m <- function(...) matrix(c(...), byrow = TRUE, nrow = length(list(...)[[1]]))
rows <- function(...) do.call(rbind, list(...))

# 2 x 2
add("2x2 tie of probabilities (p = 1)", rows(c(3, 5), c(4, 10)))
add("2x2 published effective rate", rows(c(3, 23), c(6, 22)))
add("2x2 small", rows(c(1, 9), c(11, 3)))
add("2x2 extreme, p near 1e-14", rows(c(0, 25), c(25, 0)))
add("2x2 large N", rows(c(300, 200), c(250, 260)))
add("2x2 very unbalanced groups", rows(c(2, 1), c(480, 900)))

# 2 x 3 (two groups, three bands)
add("2x3 published effective-rate style", rows(c(9, 11, 6), c(21, 5, 2)))
add("2x3 identical groups, p near 1", rows(c(10, 10, 10), c(10, 10, 11)))
add("2x3 empty middle band", rows(c(10, 0, 5), c(3, 0, 12)))
add("2x3 N = 5,000", rows(c(2000, 700, 300), c(1200, 500, 300)))
add("2x3 N = 5,000 balanced", draw(c(2500, 2500), c(.5, .3, .2)))
add("2x3 very unbalanced groups 950/50", draw(c(950, 50), rbind(c(.7, .2, .1), c(.4, .3, .3))))
add("2x3 p near 1e-12", rows(c(30, 8, 2), c(2, 10, 28)))
for (n in c(20, 56, 200)) add(sprintf("2x3 random N = %d", n), draw(c(n / 2, n / 2), c(.5, .3, .2)))

# 3 x 3
add("3x3 diagonal 3/3/3", rows(c(3, 0, 0), c(0, 3, 0), c(0, 0, 3)))
add("3x3 balanced N = 900", draw(c(300, 300, 300), c(.6, .3, .1)))
add("3x3 unbalanced 200/20/5", draw(c(200, 20, 5), c(.5, .3, .2)))
add("3x3 p near 1e-10", draw(c(30, 30, 30), rbind(c(.8, .15, .05), c(.33, .34, .33), c(.05, .15, .8))))
for (n in c(30, 90, 150)) add(sprintf("3x3 random N = %d", n), draw(rep(n / 3, 3), c(.5, .3, .2)))

# 4 x 3, including the issue's groups of 40, 12, 9 and 60
g <- c(40, 12, 9, 60)
add("4x3 groups 40/12/9/60, same bands", draw(g, c(.6, .3, .1)))
add("4x3 groups 40/12/9/60, shifted", draw(g, rbind(c(.8, .15, .05), c(.5, .3, .2), c(.3, .4, .3), c(.2, .3, .5))))
add("4x3 groups 40/12/9/60, opposite", draw(g, rbind(c(.9, .08, .02), c(.6, .3, .1), c(.4, .4, .2), c(.05, .25, .7))))
add("4x3 groups 40/12/9/60, extreme", draw(g, rbind(c(.95, .04, .01), c(.5, .4, .1), c(.2, .5, .3), c(.02, .18, .8))))
add("4x3 groups 40/12/9/60, one group apart", draw(g, rbind(c(.7, .2, .1), c(.7, .2, .1), c(.7, .2, .1), c(.2, .3, .5))))
add("4x3 groups 40/12/9/60, empty bottom band", { t <- draw(g, rbind(c(.8, .2, 0), c(.5, .5, 0), c(.4, .6, 0), c(.3, .7, 0))); t })
add("4x3 N = 500, 165/50/37/248", draw(c(165, 50, 37, 248), c(.6, .3, .1)))
add("4x3 N = 500 balanced", draw(rep(125, 4), c(.5, .3, .2)))
add("4x3 N = 500 shifted", draw(rep(125, 4), rbind(c(.5, .3, .2), c(.45, .33, .22), c(.55, .28, .17), c(.4, .35, .25))))
add("4x3 p near 1e-12", draw(c(40, 40, 40, 40), rbind(c(.85, .1, .05), c(.6, .3, .1), c(.3, .4, .3), c(.1, .3, .6))))
add("4x3 small N = 24", draw(rep(6, 4), c(.5, .3, .2)))

# 5 x 3 and 6 x 3
add("5x3 random N = 150", draw(rep(30, 5), c(.5, .3, .2)))
add("5x3 unbalanced 80/40/20/10/5", draw(c(80, 40, 20, 10, 5), c(.6, .3, .1)))
add("5x3 shifted N = 250", draw(rep(50, 5), rbind(c(.7, .2, .1), c(.6, .3, .1), c(.5, .3, .2), c(.4, .4, .2), c(.3, .4, .3))))
add("6x3 random N = 120", draw(rep(20, 6), c(.5, .3, .2)))
add("6x3 unbalanced 60/40/25/15/10/5", draw(c(60, 40, 25, 15, 10, 5), c(.6, .3, .1)))
add("6x3 N = 300", draw(rep(50, 6), c(.6, .3, .1)))
add("6x3 p near 1e-9", draw(rep(25, 6), rbind(c(.9, .08, .02), c(.7, .2, .1), c(.5, .3, .2), c(.3, .4, .3), c(.2, .3, .5), c(.1, .2, .7))))

# other shapes
add("3x2", draw(c(20, 30, 25), c(.6, .4)))
add("4x2 unbalanced", draw(c(100, 10, 40, 5), c(.7, .3)))
add("5x2", draw(rep(20, 5), rbind(c(.8, .2), c(.7, .3), c(.6, .4), c(.5, .5), c(.4, .6))))
add("2x4", draw(c(40, 35), c(.4, .3, .2, .1)))
add("2x5", draw(c(30, 30), c(.3, .25, .2, .15, .1)))
add("3x4", draw(c(20, 25, 15), c(.4, .3, .2, .1)))
add("4x4", draw(c(10, 12, 8, 15), c(.25, .25, .25, .25)))
add("3x5 sparse", draw(c(8, 10, 7), c(.3, .25, .2, .15, .1)))

json_number <- function(x) sprintf("%.17g", x)
out <- c("{", sprintf('  "generator": "make_fisher_reference.R",'), sprintf('  "r": "%s",', R.version.string), '  "cases": [')
for (i in seq_along(cases)) {
  tab <- cases[[i]]$table
  seconds <- system.time(p <- tryCatch(fisher.test(tab, workspace = 2e8)$p.value,
                                       error = function(e) gsub("[\n\"]", " ", conditionMessage(e))))[["user.self"]]
  message(sprintf("%-45s %8.2f s  %s", cases[[i]]$name, seconds, format(p, digits = 6)))
  rows_json <- paste0("[", apply(tab, 1, function(r) paste(r, collapse = ", ")), "]", collapse = ", ")
  # a table R cannot do (workspace exhausted) is kept with its error instead of a p
  result <- if (is.numeric(p)) sprintf('"p": %s', json_number(p)) else sprintf('"p": null, "rError": "%s"', p)
  out <- c(out, sprintf('    {"name": "%s", "table": [%s], %s}%s', cases[[i]]$name, rows_json, result,
                        if (i < length(cases)) "," else ""))
}
out <- c(out, "  ]", "}")
writeLines(out)
