package concord.connector;
