using MiddleServerValidation.Domain;
using MiddleServerValidation.Processing.Notices;

namespace MiddleServerValidation.Processing.Tests.Notices;

/// <summary>
/// Notice ids are what insurers deduplicate on, so they never change between releases: these values were computed
/// independently (SHA-256 of the same names, RFC 9562 version 8 bits), not by the code under test.
/// </summary>
public sealed class NoticeIdsTests
{
    [Fact]
    public void A_decision_notice_id_is_fixed_by_insurer_registration_and_outcome()
    {
        Assert.Equal(Guid.Parse("9dcddec5-c4fe-8723-b608-cddc2846ae61"), NoticeIds.OfDecision("06139992", "A-0001", Outcome.Accepted));
        Assert.Equal(Guid.Parse("328442ed-0d21-82ca-8fd8-0333c23a376f"), NoticeIds.OfDecision("06139992", "A-0001", Outcome.Pending));
    }

    [Fact]
    public void Review_and_recheck_notices_have_ids_of_their_own()
    {
        Assert.Equal(Guid.Parse("276be3ec-9903-81eb-8637-6f020b0533dc"),
            NoticeIds.OfPurpose("06139992", "A-0001", "review-confirmed:0190aaaa-0000-7000-8000-000000000001"));
        Assert.Equal(Guid.Parse("6cf2d288-7ed1-8e16-83d3-b018c7a15286"),
            NoticeIds.OfRecheckFinding("01130012", "B-0001", "BirthDateMismatch", "0190aaaa-0000-7000-8000-000000000002"));
    }

    [Fact]
    public void Ids_are_name_based_version_8_uuids()
    {
        var id = NoticeIds.OfDecision("06139992", "A-0001", Outcome.Suspected).ToString();
        Assert.Equal('8', id[14]);
        Assert.Contains(id[19], "89ab");
    }
}
