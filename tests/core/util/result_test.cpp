#include "util/result.h"

#include <gtest/gtest.h>

namespace marginalia {
namespace {

Result<void> checkPositive(int n)
{
    if (n <= 0)
        return fail(QStringLiteral("input.txt"), 3, 7, QStringLiteral("%1 is not positive").arg(n));
    return {};
}

TEST(ResultVoidTest, SuccessCarriesNothingAndFailureItsError)
{
    const Result<void> ok = checkPositive(1);
    EXPECT_TRUE(ok);
    EXPECT_TRUE(ok.has_value());

    Result<void> failed = checkPositive(-2);
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().toString(), QStringLiteral("input.txt:3:7: -2 is not positive"));

    failed = checkPositive(5); // a loop's last result replaces the one before
    EXPECT_TRUE(failed);
}

} // namespace
} // namespace marginalia
