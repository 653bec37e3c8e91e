using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiddleServerValidation.Persistence.Review;

internal sealed class FindingSuppressionConfiguration : IEntityTypeConfiguration<FindingSuppression>
{
    public void Configure(EntityTypeBuilder<FindingSuppression> builder)
    {
        builder.ToTable("finding_suppressions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(s => s.Code).HasColumnName("code").HasMaxLength(40);
        builder.Property(s => s.RegistrationId).HasColumnName("registration_id");
        builder.Property(s => s.OtherRegistrationId).HasColumnName("other_registration_id");
        builder.Property(s => s.FindingId).HasColumnName("finding_id");
        builder.Property(s => s.ReasonCategory).HasColumnName("reason_category").HasMaxLength(40);
        builder.Property(s => s.Reason).HasColumnName("reason");
        builder.Property(s => s.CreatedBy).HasColumnName("created_by").HasMaxLength(200);
        builder.Property(s => s.CreatedAt).HasColumnName("created_at");
        builder.Property(s => s.LiftedAt).HasColumnName("lifted_at");
        builder.Property(s => s.LiftedBy).HasColumnName("lifted_by").HasMaxLength(200);
    }
}
