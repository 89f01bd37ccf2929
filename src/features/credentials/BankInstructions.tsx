import { Fragment } from 'react';
import { safeUrl } from '../../api/safeUrl';
import type { Institution } from '../../api/schemas';
import { useT } from '../../i18n/translate';
import { ExternalLink } from '../../ui/ExternalLink';
import { bankInstructions, type TextPiece } from './instructions';

function Pieces({ pieces }: { pieces: TextPiece[] }) {
  return pieces.map((piece, i) => {
    const href = piece.href ? safeUrl(piece.href) : '';
    return href ? (
      <ExternalLink key={i} href={href} className="underline">
        {piece.text}
      </ExternalLink>
    ) : (
      <Fragment key={i}>{piece.text}</Fragment>
    );
  });
}

/** The bank's own sign-in instructions (MX's instructional_text and _steps), as text and https links. */
export function BankInstructions({ institution, bank }: { institution: Institution | undefined; bank: string }) {
  const t = useT();
  const instructions = institution ? bankInstructions(institution) : null;
  if (!instructions) return null;
  return (
    <section aria-label={t('creds.instructions', { bank })} className="mb-3 text-sm">
      {instructions.text.length > 0 ? (
        <p>
          <Pieces pieces={instructions.text} />
        </p>
      ) : null}
      {instructions.steps.length > 0 ? (
        <ol className="list-decimal pl-5 mt-1">
          {instructions.steps.map((step, i) => (
            <li key={i}>
              <Pieces pieces={step} />
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
