/**
 * Machine images by id and by name. AMI ids are regional: the same Flame image has one id per region,
 * so a launch profile copied to a new site is re-pointed at the image of the same name there.
 */
import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import { withBackoff } from './backoff';
import { ec2Client } from './clients';
import { toAwsAppError } from './errors';

export type ImageRef = { imageId: string; name: string };

async function describe(region: string, input: { ImageIds?: string[]; Filters?: Array<{ Name: string; Values: string[] }> }, what: string): Promise<ImageRef[]> {
  try {
    const out = await withBackoff(what, () => ec2Client(region).send(new DescribeImagesCommand(input)));
    return (out.Images ?? []).flatMap((i) => (i.ImageId && i.Name ? [{ imageId: i.ImageId, name: i.Name }] : []));
  } catch (err) {
    throw toAwsAppError(err, what);
  }
}

/** The names of these images in `region` (ids EC2 does not know are left out). */
export async function imageNames(region: string, imageIds: string[]): Promise<Map<string, string>> {
  if (!imageIds.length) return new Map();
  const found = await describe(region, { Filters: [{ Name: 'image-id', Values: [...new Set(imageIds)] }] }, `DescribeImages in ${region}`);
  return new Map(found.map((i) => [i.imageId, i.name]));
}

/** Image ids by name in `region`; when several share a name, the last listed wins. */
export async function imagesByName(region: string, names: string[]): Promise<Map<string, string>> {
  if (!names.length) return new Map();
  const found = await describe(region, { Filters: [{ Name: 'name', Values: [...new Set(names)] }] }, `DescribeImages in ${region}`);
  return new Map(found.map((i) => [i.name, i.imageId]));
}
