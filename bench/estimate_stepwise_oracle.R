# An independent check of docket's stepwise fits (Chan, Silverman & Vincent 2021), written
# compactly in R from the paper's description with glm and lpSolve, the tools its software uses.
# Verification only, not part of docket; bench/estimate_r_check.py drives it:
#   Rscript bench/estimate_stepwise_oracle.R "10000,01000,..." resamples.txt out.txt
# (needs R and the lpSolve package: apt-get install r-base-core r-cran-lpsolve)
suppressMessages(library(lpSolve))
args <- commandArgs(TRUE)
pats <- strsplit(args[1], ",")[[1]]; k <- nchar(pats[1])
reps <- as.matrix(read.table(args[2], comment.char = "#"))
cells <- t(sapply(1:(2^k - 1), function(c) as.integer(intToBits(c))[1:k]))
key <- apply(cells, 1, paste, collapse = "")
pairs <- t(combn(k, 2))
design <- function(y, model) {
  keep <- rep(TRUE, nrow(cells)); X <- cbind(1, cells)
  for (r in seq_len(nrow(model))) {
    i <- model[r, 1]; j <- model[r, 2]; both <- cells[, i] * cells[, j]
    if (sum(both * y) == 0) keep <- keep & both == 0 else X <- cbind(X, both)
  }
  list(X = X[keep, , drop = FALSE], keep = keep)
}
exists_ok <- function(y, model) {
  d <- design(y, model); A <- t(d$X); tt <- A %*% y[d$keep]
  npar <- nrow(A); nobs <- ncol(A)
  lp0 <- lp("max", c(rep(0, nobs), 1), rbind(cbind(A, 0), cbind(diag(nobs), -1)),
            c(rep("=", npar), rep(">=", nobs)), c(tt, rep(0, nobs)))
  rk <- qr(d$X)$rank
  (lp0$objval != 0) && rk == ncol(d$X)
}
fit <- function(y, model) {
  d <- design(y, model); yy <- y[d$keep]
  g <- glm(yy ~ d$X - 1, family = poisson)
  list(n0 = exp(coef(g)[1]), mu = fitted(g), keep = d$keep)
}
stepwise <- function(y, pthresh = 0.02) {
  model <- matrix(0L, 0, 2); f <- fit(y, model); inc <- rep(FALSE, nrow(pairs))
  nstar <- apply(pairs, 1, function(p) sum(cells[, p[1]] * cells[, p[2]] * y))
  repeat {
    pv <- rep(1, nrow(pairs)); ck <- cells[f$keep, , drop = FALSE]
    for (j in which(!inc)) {
      ps <- sum(f$mu * ck[, pairs[j, 1]] * ck[, pairs[j, 2]])
      pv[j] <- min(ppois(nstar[j], ps), ppois(nstar[j] - 1, ps, FALSE))
      if (!exists_ok(y, rbind(model, pairs[j, ]))) pv[j] <- 1
    }
    if (min(pv) >= pthresh) break
    j <- which(pv == min(pv))[1]; inc[j] <- TRUE; model <- rbind(model, pairs[j, ]); f <- fit(y, model)
  }
  c(sum(y) + f$n0, nrow(model), paste(apply(model, 1, paste, collapse = ""), collapse = "+"))
}
out <- t(apply(reps, 1, function(r) { y <- rep(0, nrow(cells)); y[match(pats, key)] <- r; stepwise(y) }))
write.table(out, args[3], row.names = FALSE, col.names = FALSE, quote = FALSE)
