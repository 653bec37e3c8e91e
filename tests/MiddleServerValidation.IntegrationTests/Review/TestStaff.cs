using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Staff;

namespace MiddleServerValidation.IntegrationTests.Review;

/// <summary>Staff accounts made as <c>msv staff add</c> makes them, all with the fixture's password.</summary>
public static class TestStaff
{
    public const string Password = ReviewConsoleFixture.Password;

    public static async Task AddStaffAsync(this ServiceFixture fixture, string userName, string role = StaffRoles.Reviewer)
    {
        await using var db = fixture.CreateDbContext();
        await new StaffAccounts(db, TimeProvider.System).AddAsync(userName, userName, role, Password, CancellationToken.None);
    }

    /// <summary>A console client signed in as <paramref name="userName"/>; fails the test when the sign-in does.</summary>
    public static async Task<ConsoleClient> SignedInAsync(Uri console, string userName)
    {
        var client = new ConsoleClient(console);
        var response = await client.SignInAsync(userName, Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
