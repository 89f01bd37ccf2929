import { useId, useState, type InputHTMLAttributes } from 'react';
import type { Challenge } from '../../api/schemas';
import { useT } from '../../i18n/translate';
import { RadioCard } from '../../ui/RadioCard';
import { FieldError, TextField } from '../../ui/TextField';

export interface ChallengeInputProps {
  challenge: Challenge;
  value: string;
  error: string | null;
  disabled: boolean;
  onChange(value: string): void;
}

/** Only real image data URIs are shown; anything else gets a placeholder, never markup. */
function isImageDataUri(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^data:image\/(png|jpe?g|gif|webp|svg\+xml)[;,]/i.test(value);
}

function ChallengeImage({ src, alt }: { src: string | null | undefined; alt: string }) {
  const t = useT();
  const [broken, setBroken] = useState(false);
  if (!isImageDataUri(src) || broken) {
    return (
      <span
        role="img"
        aria-label={alt ? `${alt}: ${t('mfa.imageUnavailable')}` : t('mfa.imageUnavailable')}
        className="flex items-center justify-center h-16 w-24 border border-dashed border-slate-500 text-xs text-muted rounded"
      >
        {t('mfa.imageUnavailable')}
      </span>
    );
  }
  return (
    <img src={src} alt={alt} className="max-h-32 rounded border border-slate-300" onError={() => setBroken(true)} />
  );
}

/** TEXT and TOKEN differ only in the hints they give the browser and the keyboard. */
function AnswerField({
  challenge,
  value,
  error,
  disabled,
  onChange,
  ...hints
}: ChallengeInputProps & Pick<InputHTMLAttributes<HTMLInputElement>, 'autoComplete' | 'inputMode'>) {
  return (
    <TextField
      label={challenge.label}
      name={challenge.guid}
      value={value}
      error={error}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
      {...hints}
    />
  );
}

export function TextChallenge(props: ChallengeInputProps) {
  return <AnswerField {...props} autoComplete="off" />;
}

export function TokenChallenge(props: ChallengeInputProps) {
  return <AnswerField {...props} autoComplete="one-time-code" inputMode="numeric" />;
}

export function ImageDataChallenge(props: ChallengeInputProps) {
  return (
    <div>
      <div className="mb-2">
        <ChallengeImage src={props.challenge.image_data} alt={props.challenge.label} />
      </div>
      <TextChallenge {...props} />
    </div>
  );
}

function ChoiceGroup({
  challenge,
  value,
  error,
  disabled,
  onChange,
  choices,
  tiles,
}: ChallengeInputProps & {
  choices: { guid: string; label: string; value: string; data_uri?: string }[];
  tiles: boolean;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset className="mb-3" aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium mb-1">{challenge.label}</legend>
      <div className={tiles ? 'grid grid-cols-2 gap-2 sm:grid-cols-3' : 'flex flex-col gap-1'}>
        {choices.map((choice, i) => (
          <RadioCard
            key={choice.guid}
            name={challenge.guid}
            value={choice.value}
            checked={value === choice.value}
            disabled={disabled}
            invalid={Boolean(error) && i === 0}
            tile={tiles}
            onChange={() => onChange(choice.value)}
          >
            {tiles ? <ChallengeImage src={choice.data_uri} alt={choice.label} /> : <span>{choice.label}</span>}
          </RadioCard>
        ))}
      </div>
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </fieldset>
  );
}

export function OptionsChallenge(props: ChallengeInputProps) {
  return <ChoiceGroup {...props} choices={props.challenge.options ?? []} tiles={false} />;
}

export function ImageOptionsChallenge(props: ChallengeInputProps) {
  return <ChoiceGroup {...props} choices={props.challenge.image_options ?? []} tiles />;
}

export const CHALLENGE_INPUTS: Record<Challenge['type'], (props: ChallengeInputProps) => React.JSX.Element> = {
  TEXT: TextChallenge,
  TOKEN: TokenChallenge,
  OPTIONS: OptionsChallenge,
  IMAGE_DATA: ImageDataChallenge,
  IMAGE_OPTIONS: ImageOptionsChallenge,
};
