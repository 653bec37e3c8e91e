using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MiddleServerValidation.Persistence.Review;

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("case_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(e => e.FindingId).HasColumnName("finding_id");
        builder.Property(e => e.Kind).HasColumnName("kind").HasMaxLength(32);
        builder.Property(e => e.Actor).HasColumnName("actor").HasMaxLength(200);
        builder.Property(e => e.OccurredAt).HasColumnName("occurred_at");
        builder.Property(e => e.StatusBefore).HasColumnName("status_before").HasMaxLength(16);
        builder.Property(e => e.StatusAfter).HasColumnName("status_after").HasMaxLength(16);
        builder.Property(e => e.ReasonCategory).HasColumnName("reason_category").HasMaxLength(40);
        builder.Property(e => e.Note).HasColumnName("note");
        builder.Property(e => e.NoticeId).HasColumnName("notice_id");
    }
}
