using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace ComplianceCheck.Web.Rendering;

/// <summary>A piece of a line and whether it changed between the versions.</summary>
public sealed record DiffPiece(string Text, bool Changed);

/// <summary>One row of the side-by-side diff: the old line and the new line (either may be absent).</summary>
public sealed record DiffRow(string Kind, int? OldNumber, IReadOnlyList<DiffPiece> Old, int? NewNumber, IReadOnlyList<DiffPiece> New);

/// <summary>
/// Line-by-line diff between two versions with character-level marks inside changed lines: Chinese has no spaces,
/// so a word-level diff would mark whole sentences for a one-character edit.
/// </summary>
public static class VersionDiff
{
    public static IReadOnlyList<DiffRow> Build(string oldText, string newText)
    {
        var model = new SideBySideDiffBuilder(new Differ(), new LineChunker(), new CharacterChunker()).BuildDiffModel(oldText, newText, ignoreWhitespace: false);
        var rows = new List<DiffRow>();
        for (int i = 0; i < Math.Max(model.OldText.Lines.Count, model.NewText.Lines.Count); i++)
        {
            var oldLine = i < model.OldText.Lines.Count ? model.OldText.Lines[i] : null;
            var newLine = i < model.NewText.Lines.Count ? model.NewText.Lines[i] : null;
            string kind = (oldLine?.Type, newLine?.Type) switch
            {
                (ChangeType.Unchanged, ChangeType.Unchanged) => "same",
                (ChangeType.Deleted, ChangeType.Imaginary or null) => "deleted",
                (ChangeType.Imaginary or null, ChangeType.Inserted) => "inserted",
                _ => "changed",
            };
            rows.Add(new DiffRow(kind, Number(oldLine), Pieces(oldLine), Number(newLine), Pieces(newLine)));
        }

        return rows;
    }

    private static int? Number(DiffPlex.DiffBuilder.Model.DiffPiece? line) => line?.Type == ChangeType.Imaginary ? null : line?.Position;

    private static IReadOnlyList<DiffPiece> Pieces(DiffPlex.DiffBuilder.Model.DiffPiece? line)
    {
        if (line == null || line.Type == ChangeType.Imaginary)
        {
            return [];
        }

        if (line.Type != ChangeType.Modified || line.SubPieces.Count == 0)
        {
            return [new DiffPiece(line.Text ?? string.Empty, line.Type is ChangeType.Deleted or ChangeType.Inserted)];
        }

        // Merge neighbouring characters with the same status, so the page has a few runs instead of one per character.
        var pieces = new List<DiffPiece>();
        foreach (var sub in line.SubPieces.Where(s => s.Type != ChangeType.Imaginary))
        {
            bool changed = sub.Type != ChangeType.Unchanged;
            string text = sub.Text ?? string.Empty;
            if (pieces.Count > 0 && pieces[^1].Changed == changed)
            {
                pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
            }
            else
            {
                pieces.Add(new DiffPiece(text, changed));
            }
        }

        return pieces;
    }
}
