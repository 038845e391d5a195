#!/usr/bin/env python3
"""Runs papermeta under Apache Spark (local mode): the request lines are an RDD, each
partition is piped through `papermeta batch --jsonl`, and the answers are collected.

Usage: spark_pipe.py REQUESTS.jsonl PAPERMETA META.toml ANSWERS.jsonl [PARTITIONS]
Prints `papers N seconds S` on success.
"""
import sys, time

def main():
    requests, binary, meta, answers = sys.argv[1:5]
    partitions = int(sys.argv[5]) if len(sys.argv) > 5 else 4
    from pyspark import SparkConf, SparkContext
    conf = (SparkConf().setMaster("local[2]").setAppName("papermeta")
            .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
            .set("spark.driver.bindAddress", "127.0.0.1"))
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        started = time.perf_counter()
        rdd = sc.textFile(requests, minPartitions=partitions)
        out = rdd.pipe(f"{binary} batch --jsonl --meta {meta} -j 1").collect()
        elapsed = time.perf_counter() - started
    finally:
        sc.stop()
    with open(answers, "w") as f:
        for line in out:
            f.write(line + "\n")
    print(f"papers {len(out)} seconds {elapsed:.2f}")

if __name__ == "__main__":
    main()
