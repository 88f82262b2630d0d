import { Button, type ButtonProps } from './button'
import { ask, tapPosition } from './dialog'

export interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick'> {
  /** the question, in plain words: what will happen and that it cannot be undone */
  confirm: string
  confirmTitle?: string
  confirmText?: string
  onConfirm: () => void
}

/** For irreversible actions: asks first (our own dialog), and only a tap on its confirm button goes ahead. */
export function ConfirmButton(props: ConfirmButtonProps) {
  const { confirm, confirmTitle, confirmText, onConfirm, ...rest } = props
  return (
    <Button
      {...rest}
      onClick={(e) => {
        void ask({
          title: confirmTitle,
          message: confirm,
          okText: confirmText,
          danger: rest.kind === 'danger',
          tapAt: tapPosition(e),
        }).then((ok) => {
          if (ok) onConfirm()
        })
      }}
    />
  )
}
