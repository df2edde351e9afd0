// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — `scstudio --screenshot` as a separate process, as CI and docs use it.
#include "support/TestSupport.h"

#include <gtest/gtest.h>

#include <QImage>
#include <QSet>

#include <string>

namespace {

std::vector<std::string> offscreen() { return {"QT_QPA_PLATFORM=offscreen"}; }

TEST(ScreenshotTest, RendersTheDefaultProjectAt1600x1000WithFilledPlots) {
    scs::test::TempDir dir;
    const std::string png = (dir.path() / "out.png").string();
    const std::string project = (scs::test::sourceDir() / "projects" / "default.scstudio.json").string();
    const auto r = scs::test::runProcess({SCS_STUDIO_PATH, "--screenshot", png, project}, {}, offscreen());
    ASSERT_EQ(r.exitCode, 0) << r.err;
    QImage image(QString::fromStdString(png));
    ASSERT_FALSE(image.isNull()) << "no PNG written";
    EXPECT_EQ(image.width(), 1600);
    EXPECT_EQ(image.height(), 1000);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3) colours.insert(image.pixel(x, y));
    EXPECT_GT(colours.size(), 50) << "the window looks blank";
    // The trace plot (the central area) must hold the blue membrane trace, not just axes.
    int blue = 0;
    for (int y = 100; y < 500; ++y)
        for (int x = 500; x < 1200; ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.blue() > 150 && c.red() < 90 && c.green() < 160) ++blue;
        }
    EXPECT_GT(blue, 200) << "the trace plot looks empty";
}

TEST(ScreenshotTest, MissingProjectFailsWithOneLine) {
    scs::test::TempDir dir;
    const std::string png = (dir.path() / "out.png").string();
    const auto r = scs::test::runProcess({SCS_STUDIO_PATH, "--screenshot", png, (dir.path() / "nope.scstudio.json").string()},
                                         {}, offscreen());
    EXPECT_NE(r.exitCode, 0);
    // Qt may print its own start-up notes; ours is exactly one line naming the problem.
    int ours = 0;
    std::size_t start = 0;
    while (start < r.err.size()) {
        const std::size_t end = r.err.find('\n', start);
        const std::string line = r.err.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (line.rfind("scstudio:", 0) == 0) {
            ++ours;
            EXPECT_NE(line.find("nope.scstudio.json"), std::string::npos) << line;
        }
        if (end == std::string::npos) break;
        start = end + 1;
    }
    EXPECT_EQ(ours, 1) << r.err;
    EXPECT_FALSE(QImage(QString::fromStdString(png)).width() > 0) << "nothing must be written on failure";
}

TEST(ScreenshotTest, MalformedProjectFailsWithoutCrashing) {
    scs::test::TempDir dir;
    const auto bad = dir.path() / "bad.scstudio.json";
    scs::test::writeFile(bad, R"({"format": "scstudio-json", "version": 99, "documents": []})");
    const auto r = scs::test::runProcess({SCS_STUDIO_PATH, "--screenshot", (dir.path() / "o.png").string(), bad.string()},
                                         {}, offscreen());
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_NE(r.err.find("newer"), std::string::npos) << r.err;
}

TEST(ScreenshotTest, AnalysisFlagRunsTheAnalysisAndShowsItsResult) {
    scs::test::TempDir dir;
    const std::string png = (dir.path() / "analysis.png").string();
    const std::string project = (scs::test::sourceDir() / "projects" / "default.scstudio.json").string();
    const auto r = scs::test::runProcess({SCS_STUDIO_PATH, "--screenshot", png, "--analysis", "firing_pattern", project}, {},
                                         offscreen());
    ASSERT_EQ(r.exitCode, 0) << r.err;
    QImage image(QString::fromStdString(png));
    ASSERT_EQ(image.size(), QSize(1600, 1000));
    // The default project's neuron adapts: "ADAPTING" is written in dark green (44, 140, 44) in
    // the Analysis dock, raised in the lower half. The phase plane it replaces has a lighter green
    // nullcline (44, 160, 44; lighter still where smoothed), which this colour window excludes:
    // the plain screenshot has < 10 such pixels, the analysis one hundreds.
    int green = 0;
    for (int y = 500; y < 1000; ++y)
        for (int x = 300; x < 1300; ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.green() >= 125 && c.green() <= 152 && c.red() < 80 && c.blue() < 80) ++green;
        }
    EXPECT_GT(green, 100) << "no firing-pattern headline in the lower half";
}

TEST(ScreenshotTest, UnknownAnalysisFailsAndNamesTheKinds) {
    scs::test::TempDir dir;
    const auto r = scs::test::runProcess(
        {SCS_STUDIO_PATH, "--screenshot", (dir.path() / "o.png").string(), "--analysis", "nonsense"}, {}, offscreen());
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("unknown analysis 'nonsense'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("bifurcation"), std::string::npos) << r.err;
    const auto alone = scs::test::runProcess({SCS_STUDIO_PATH, "--analysis", "sta"}, {}, offscreen());
    EXPECT_EQ(alone.exitCode, 2) << "--analysis needs --screenshot";
}

} // namespace
