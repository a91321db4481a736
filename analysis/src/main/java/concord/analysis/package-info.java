package concord.analysis;
