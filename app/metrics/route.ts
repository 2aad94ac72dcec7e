import { exporterText } from '@/lib/api/exporter';
import { respond } from '@/lib/errors';
import { otherMethods } from '@/lib/api/method-not-allowed';

export const dynamic = 'force-dynamic';
export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');

/** Prometheus exposition of what only the dashboard knows (lib/api/exporter.ts). */
export async function GET() {
  return respond(async () => {
    const { text, contentType } = await exporterText();
    return new Response(text, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
  });
}
