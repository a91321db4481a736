# What a strong R user writes: data.table's fread into integer columns, then the same tests per outcome.
#   Rscript bench/peers/datatable.R RECORDS.csv OUT.csv
suppressPackageStartupMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(), value = TRUE))), "common.R"))
d <- fread(args[1], drop = "record_id")
fields <- names(d)[4:ncol(d)]
g1 <- d$group == 1; g2 <- d$group == 2
rows <- lapply(fields, function(f) {
  v <- d[[f]]
  outcome_row(f, v[g1 & !is.na(v)], v[g2 & !is.na(v)], sum(g1 & is.na(v)), sum(g2 & is.na(v)))
})
chars <- lapply(1:2, function(g) characteristic_row(g, d[group == g, age], d[group == g, sex]))
write_results(args[2], rows, chars)
