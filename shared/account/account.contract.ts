import { action, defineContract } from '../contract'
import { EmptyInputSchema } from '../common.schema'
import {
  CreateInviteInputSchema,
  InviteViewSchema,
  ListHouseholdsInputSchema,
  ListHouseholdsOutputSchema,
  ListMembersInputSchema,
  ListMembersOutputSchema,
  ListUnitsInputSchema,
  ListUnitsOutputSchema,
  MeSchema,
  RedeemInviteInputSchema,
  RedeemInviteOutputSchema,
  SetResidenceInputSchema,
  SetResidenceOutputSchema,
} from './account.schema'
import { defineErrors } from '../errors'

export const AccountErrors = defineErrors('ACCOUNT', {
  UNIT_NOT_FOUND: '没有找到这个单位',
  NOT_A_GRID: '请选择到网格（村民小组）一级',
  HOUSEHOLD_NOT_IN_GRID: '这一户不在所选网格里',
  ROLE_NOT_AT_LEVEL: '这个角色不能设在这一级单位',
  CANNOT_GRANT_ROLE: '您不能发放这个角色的邀请码',
  INVITE_NOT_FOUND: '邀请码不对，请核对后重新输入',
  INVITE_USED: '这个邀请码已经用过了',
  INVITE_EXPIRED: '这个邀请码已过期，请找发码人重新获取',
  ALREADY_HAS_ROLE: '您已经有这个角色了',
})

export const accountContract = defineContract('account', '账号与组织', {
  getMe: action({
    summary: '我是谁：姓名、居住地、在各单位的角色（微信首次调用时自动建号）',
    input: EmptyInputSchema,
    output: MeSchema,
    write: false,
    permission: null,
  }),
  listUnits: action({
    summary: '列出下级单位（选择居住的村和网格）',
    input: ListUnitsInputSchema,
    output: ListUnitsOutputSchema,
    write: false,
    permission: null,
  }),
  listHouseholds: action({
    summary: '列出网格里的户（认领自己家）',
    input: ListHouseholdsInputSchema,
    output: ListHouseholdsOutputSchema,
    write: false,
    permission: null,
  }),
  setResidence: action({
    summary: '设置我住在哪个网格、哪一户（成为该网格居民）',
    input: SetResidenceInputSchema,
    output: SetResidenceOutputSchema,
    write: true,
    permission: null,
  }),
  createInvite: action({
    summary: '发放邀请码：授予某单位的某个角色，一次有效，到期作废',
    input: CreateInviteInputSchema,
    output: InviteViewSchema,
    write: true,
    permission: 'invite_create',
  }),
  redeemInvite: action({
    summary: '使用邀请码，获得对应角色',
    input: RedeemInviteInputSchema,
    output: RedeemInviteOutputSchema,
    write: true,
    permission: null,
  }),
  listMembers: action({
    summary: '本单位及直属下级单位的人员名单（手机号脱敏）',
    input: ListMembersInputSchema,
    output: ListMembersOutputSchema,
    write: false,
    permission: 'member_list',
  }),
})
