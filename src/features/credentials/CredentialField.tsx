import { useId, useState } from 'react';
import type { Credential } from '../../api/schemas';
import { useT } from '../../i18n/translate';
import { Button } from '../../ui/Button';
import { FieldError, inputClass, TextField } from '../../ui/TextField';

interface Props {
  field: Credential;
  value: string;
  error: string | null;
  onChange(value: string): void;
  disabled: boolean;
}

export function CredentialField({ field, value, error, onChange, disabled }: Props) {
  const t = useT();
  const [visible, setVisible] = useState(false);
  const id = useId();

  if (field.type === 'OPTIONS') {
    const errorId = `${id}-error`;
    return (
      <div className="mb-3">
        <label htmlFor={id} className="block text-sm font-medium mb-1">
          {field.label}
        </label>
        <select
          id={id}
          name={field.guid}
          className={inputClass}
          value={value}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{t('creds.selectPlaceholder')}</option>
          {(field.options ?? []).map((option) => (
            <option key={option.guid} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {error ? <FieldError id={errorId}>{error}</FieldError> : null}
      </div>
    );
  }

  const isPassword = field.type === 'PASSWORD';
  return (
    <TextField
      label={field.label}
      name={field.guid}
      type={isPassword && !visible ? 'password' : 'text'}
      autoComplete={isPassword ? 'current-password' : field.type === 'LOGIN' ? 'username' : 'off'}
      autoCapitalize="none"
      spellCheck={false}
      value={value}
      disabled={disabled}
      error={error}
      onChange={(e) => onChange(e.target.value)}
      trailing={
        isPassword ? (
          <Button
            variant="secondary"
            className="!w-auto shrink-0"
            aria-pressed={visible}
            aria-label={visible ? t('creds.hideLabel') : t('creds.showLabel')}
            onClick={() => setVisible((v) => !v)}
          >
            {visible ? t('creds.hide') : t('creds.show')}
          </Button>
        ) : null
      }
    />
  );
}
