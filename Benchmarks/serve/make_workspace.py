#!/usr/bin/env python3
"""A workspace for the load tests: an article of 100 claims and a source with a Chinese
sentence for each, made from templates with numbers (deterministic).

    python3 Benchmarks/serve/make_workspace.py WORKSPACE [--claims 100]
"""
import argparse
import os

COMPANIES = [("Baidu", "百度"), ("Alibaba", "阿里巴巴"), ("Tencent", "腾讯"), ("Huawei", "华为"), ("Xiaomi", "小米"),
             ("ByteDance", "字节跳动"), ("360 Group", "360集团"), ("SMIC", "中芯国际"), ("BYD", "比亚迪"), ("TSMC", "台积电")]
CITIES = [("Beijing", "北京"), ("Shanghai", "上海"), ("Shenzhen", "深圳"), ("Hangzhou", "杭州"), ("Hefei", "合肥")]


def claim(index):
    company, company_zh = COMPANIES[index % len(COMPANIES)]
    city, city_zh = CITIES[(index // len(COMPANIES)) % len(CITIES)]
    year = 2020 + index % 6
    people = 100 + 7 * index
    percent = 5 + index % 40
    kind = index % 4
    if kind == 0:
        return (f"{company} opened a research centre in {city} in {year} with {people} engineers.",
                f"{company_zh}于{year}年在{city_zh}设立研究中心，拥有{people}名工程师。")
    if kind == 1:
        return (f"{company} said its revenue from cloud services rose {percent} percent in {year}.",
                f"{company_zh}表示，其{year}年云服务收入增长了{percent}%。")
    if kind == 2:
        return (f"The {city} office of {company} employs fewer than {people} people, according to the company.",
                f"据该公司介绍，{company_zh}{city_zh}办公室员工不到{people}人。")
    return (f"{company} plans to invest {percent} billion yuan in chips in {city} by {year + 3}.",
            f"{company_zh}计划到{year + 3}年在{city_zh}投资{percent}亿元用于芯片。")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("workspace")
    parser.add_argument("--claims", type=int, default=100)
    arguments = parser.parse_args()
    os.makedirs(os.path.join(arguments.workspace, "sources"), exist_ok=True)
    pairs = [claim(i) for i in range(arguments.claims)]
    with open(os.path.join(arguments.workspace, "article.md"), "w", encoding="utf-8") as file:
        file.write("# Chinese technology companies at a glance\n\n")
        for start in range(0, len(pairs), 4):
            file.write(" ".join(english for english, _ in pairs[start:start + 4]) + "\n\n")
    with open(os.path.join(arguments.workspace, "sources", "briefing.txt"), "w", encoding="utf-8") as file:
        for _, chinese in pairs:
            file.write(chinese + "\n\n")


if __name__ == "__main__":
    main()
