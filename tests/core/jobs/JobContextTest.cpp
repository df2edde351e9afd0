// SPDX-License-Identifier: MIT
// SC-NeuroCore Studio — a job's parts: cancellation from the whole, progress into a slice.
#include "jobs/JobContext.h"

#include <gtest/gtest.h>

TEST(JobContextPart, FollowsItsParentsCancellationAndFillsItsSliceOfProgress) {
    scs::JobContext whole;
    double seen = -1;
    whole.setProgressListener([&](double f, const std::string&) { seen = f; });
    scs::JobContext second(&whole, 0.5, 1.0);
    second.setProgress(0.5, "placing");
    EXPECT_DOUBLE_EQ(whole.progress(), 0.75);
    EXPECT_DOUBLE_EQ(seen, 0.75);
    EXPECT_EQ(whole.message(), "placing");
    EXPECT_FALSE(second.isCancelled());
    whole.cancel();
    EXPECT_TRUE(second.isCancelled());
    EXPECT_THROW(second.throwIfCancelled(), scs::JobCancelled);
    scs::JobContext alone(nullptr, 0, 1); // a part of nothing behaves as a whole
    alone.setProgress(0.3);
    EXPECT_FALSE(alone.isCancelled());
}
