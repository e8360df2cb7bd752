# The bootstrap resamples that SparseMSE::estimatepopulation(zdat, nboot = 1000, iseed = 1234)
# draws (Chan, Silverman & Vincent 2021): set.seed(iseed), then one rmultinom per replicate over
# the rows of the data frame in its stored order. Only R's random stream is taken from R; the
# stepwise fits and the BCa interval are docket's (tests/estimate/test_published.py).
#
#   Rscript bench/estimate_r_resamples.R "10000,01000,..." "25,24,..." out.txt
#
# args: patterns (one 0/1 string per row, in the data frame's row order), counts, output file.
args <- commandArgs(TRUE)
pats <- strsplit(args[1], ",")[[1]]
counts <- as.numeric(strsplit(args[2], ",")[[1]])
set.seed(1234)
out <- t(replicate(1000, as.vector(rmultinom(1, sum(counts), counts))))
con <- file(args[3], "w")
writeLines(c(paste("#", R.version.string, "set.seed(1234); 1000 x rmultinom(1, n, counts)"),
             paste("# patterns:", paste(pats, collapse = " "))), con)
write.table(out, con, row.names = FALSE, col.names = FALSE)
close(con)
