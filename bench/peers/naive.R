# The script an R user writes first: read.csv, then wilcox.test and chisq.test per outcome, SPSS's option set.
#   Rscript bench/peers/naive.R RECORDS.csv OUT.csv
args <- commandArgs(trailingOnly = TRUE)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(), value = TRUE))), "common.R"))
d <- read.csv(args[1])
fields <- names(d)[5:ncol(d)]
rows <- lapply(fields, function(f) {
  v <- d[[f]]
  x <- v[d$group == 1 & !is.na(v)]; y <- v[d$group == 2 & !is.na(v)]
  outcome_row(f, x, y, sum(d$group == 1 & is.na(v)), sum(d$group == 2 & is.na(v)))
})
chars <- lapply(1:2, function(g) characteristic_row(g, d$age[d$group == g], d$sex[d$group == g]))
write_results(args[2], rows, chars)
