"""Write the project's own sample articles into corpus/ (run from the repo root).

They exercise each layout variant and each defect that the reader handles, and carry
translation errors of the kinds the archive has (a 万万 read as ten thousand, a dropped
"about", 斤 given as kilograms, a lost paragraph), so the main job (`duizhao run`) shows
on any machine what the tool does. The articles are
written by the duizhao authors in the archive's layout; they are not archive text.
"""
from pathlib import Path

OUT = Path("corpus")

WANWAN = """Title: North China People's Government Allocates 143.66 Million Yuan for Dike Repair
Author:
Date: 1949-04-12
Edition: 2

\tNorth China People's Government Allocates 143.66 Million Yuan for Dike Repair

\t[Xinhua News Agency, Shijiazhuang, 10th] To prevent the summer floods, the North China People's Government has allocated 14.366 million yuan for the repair of the dikes of the Yongding River and the Daqing River. More than 32,000 civilian workers have already been organised in Hebei, and 1,500 carts carry earth and stone to the dikes every day.

\tThe government also issued 5,000 dan of grain as work relief, and 300 kilograms of seed were lent to each of the villages along the river. By the end of March, 18 li of dikes had been repaired, 60% of the plan.



<hr /> 

Original: 


### 华北人民政府拨款一万万四千三百六十六万元修堤

1949-04-12
第2版()
专栏：

    华北人民政府拨款一万万四千三百六十六万元修堤
    【新华社石家庄十日电】为防御夏季洪水，华北人民政府拨款一万万四千三百六十六万元，修筑永定河及大清河堤防。河北已组织民工三万二千多人，每日有大车约一千五百辆运送土石。
    政府并发放以工代赈粮五千石，沿河各村每村借给种子三百斤。至三月底，已修堤十八里，完成计划的百分之六十。
"""

LETTER = """\ufeffTitle: Our Cooperative Saved More Than 2,000 Yuan in 1950
Author: Wang Ming

Date: 1951-03-05

Page: 3

Editor:

Our cooperative was set up in 1950. In the past year, the members saved more than 2,000 yuan by using waste materials, and the output of cloth reached 1,200 bolts, an increase of 30% over the previous year.

We hope that other cooperatives will learn from this experience.

Wang Ming, Member of the Xinji County Weaving Cooperative, Hebei Province

<hr />

Original:


### 我们社一九五○年节约了两千多元

王明
1951-03-05
第3版()
专栏：读者来信

    编辑同志：
    我们社是一九五○年成立的。一年来，社员们利用废料，节约了两千多元，织布一千二百匹，比前年增加了三成。
    希望别的合作社也学习这个经验。
        河北省辛集县织布生产合作社社员　王明
"""

GBK = """Title: Tianjin Flour Mills Produce 8,600 Bags a Day
Author:
Date: 1950-06-01
Page: 2

The five state-owned flour mills in Tianjin now produce 8,600 bags of flour a day, nearly double the output of last year.

<hr />

Original:


### 天津面粉厂日产八千六百袋

1950-06-01
第2版()
专栏：

    天津面粉厂日产八千六百袋
    天津五家国营面粉厂现日产面粉八千六百袋，比去年增加将近一倍。
"""

DROPPED = """Title: Shandong Cooperatives Sell More Than 8,000 Tons of Cotton to the State
Author:
Date: 1955-11-20
Page: 2

[Xinhua News Agency, Jinan, 18th] The agricultural producers' cooperatives of Shandong Province have sold more than 8,000 tons of cotton to the state this autumn, 20% more than last year.

The cooperatives of Linqing County alone sold 1,300 tons.

<hr />

Original:


### 山东农业社卖给国家棉花八千多吨

1955-11-20
第2版()
专栏：

    山东农业社卖给国家棉花八千多吨
    【新华社济南十八日电】山东省农业生产合作社今年秋季卖给国家棉花八千多吨，比去年多百分之二十。
    全省已有四百六十个社完成了交售任务，平均每个社交售十七吨半。
    临清县的合作社就卖了一千三百吨。
"""

NO_ORIGINAL = """Title: An English Text With No Chinese Original
Author:
Date: 1952-01-01
Page: 1

This file has lost its Chinese original: the reader must say so and the batch must go on.
"""

EMPTY_EN = """Title: Empty English Side
Author:
Date: 1952-01-02
Page: 1



<hr />

Original:


### 英文部分为空

1952-01-02
第1版()
专栏：

    英文部分为空，中文有一段。
"""

EMPTY_ZH = """Title: Empty Chinese Side
Author:
Date: 1952-01-03
Page: 1

The English side has a paragraph, but nothing follows the Original line.

<hr />

Original:

"""

NO_DATE = """Title: A Header Without a Date
Author:
Page: 1

The header of this file has no Date line.

<hr />

Original:


### 没有日期

第1版()
专栏：

    这篇文章的英文标头没有日期。
"""


def main():
    OUT.mkdir(exist_ok=True)
    (OUT / "layouts").mkdir(exist_ok=True)
    (OUT / "defects").mkdir(exist_ok=True)
    (OUT / "layouts" / "1949-04-12_2_wanwan_edition_tabs.txt").write_text(WANWAN, encoding="utf-8")
    # BOM, CRLF line ends, blank lines between header fields, author line, column, signature
    (OUT / "layouts" / "1951-03-05_3_letter_bom_crlf.txt").write_bytes(LETTER.replace("\n", "\r\n").encode("utf-8"))
    (OUT / "layouts" / "1950-06-01_2_gbk_encoded.txt").write_bytes(GBK.encode("gbk"))
    # the English translation lost a whole paragraph: its figures are missing_in_en
    (OUT / "layouts" / "1955-11-20_2_dropped_paragraph.txt").write_text(DROPPED, encoding="utf-8")
    (OUT / "defects" / "no_original.txt").write_text(NO_ORIGINAL, encoding="utf-8")
    (OUT / "defects" / "empty_english.txt").write_text(EMPTY_EN, encoding="utf-8")
    (OUT / "defects" / "empty_chinese.txt").write_text(EMPTY_ZH, encoding="utf-8")
    (OUT / "defects" / "no_date.txt").write_text(NO_DATE, encoding="utf-8")
    (OUT / "defects" / "empty.txt").write_bytes(b"")
    (OUT / "defects" / "binary.txt").write_bytes(bytes(range(256)) * 4)
    # neither UTF-8 nor GB18030: 0xFF is never valid in either
    (OUT / "defects" / "bad_bytes.txt").write_bytes(NO_DATE.encode("utf-8")[:60] + b"\xff\xfe\xff" + b"tail\n")


if __name__ == "__main__":
    main()
