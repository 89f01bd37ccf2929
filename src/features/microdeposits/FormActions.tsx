import { useT } from '../../i18n/translate';
import { Button } from '../../ui/Button';

/** Every form screen's two buttons: the main one (a submit unless given onClick) and Back. */
export function FormActions({
  back,
  label,
  disabled,
  onClick,
}: {
  back: () => void;
  label?: string;
  disabled?: boolean;
  onClick?: () => void;
}) {
  const t = useT();
  return (
    <div className="flex flex-col gap-3">
      <Button type={onClick ? 'button' : 'submit'} disabled={disabled} onClick={onClick}>
        {label ?? t('md.continue')}
      </Button>
      <Button variant="secondary" onClick={back}>
        {t('common.back')}
      </Button>
    </div>
  );
}
