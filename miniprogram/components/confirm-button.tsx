import Taro from '@tarojs/taro'
import { Button, type ButtonProps } from './button'
import { t } from '../services/i18n'

export interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick'> {
  /** the question, in plain words: what will happen and that it cannot be undone */
  confirm: string
  confirmTitle?: string
  confirmText?: string
  onConfirm: () => void
}

/** For irreversible actions: asks first, and only a tap on the confirm button goes ahead. */
export function ConfirmButton(props: ConfirmButtonProps) {
  const { confirm, confirmTitle = t('ui.confirm_title'), confirmText = t('ui.ok'), onConfirm, ...rest } = props
  return (
    <Button
      {...rest}
      onClick={() => {
        void Taro.showModal({
          title: confirmTitle,
          content: confirm,
          confirmText,
          cancelText: t('ui.think_again'),
          confirmColor: rest.kind === 'danger' ? '#b3261e' : '#0a5fb4',
        }).then((res) => {
          if (res.confirm) onConfirm()
        })
      }}
    />
  )
}
