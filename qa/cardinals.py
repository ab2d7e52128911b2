"""The cardinal numbers written as words, to ninety: read as counts (qa.answerability,
qa.casualties, qa.counted, qa.money) and as ages (qa.ages)."""

CARDINALS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety"
)
